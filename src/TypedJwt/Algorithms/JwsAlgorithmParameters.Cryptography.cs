using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>The BCL objects the key classes build from each JWS algorithm: its hash algorithm and its ECDSA curve.</summary>
internal static partial class JwsAlgorithmParameters
{
    internal static HashAlgorithmName GetHashAlgorithmName(JwsAlgorithm algorithm) => GetHashSize(algorithm) switch
    {
        32 => HashAlgorithmName.SHA256,
        48 => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    internal static ECCurve GetCurve(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.ES256 => ECCurve.NamedCurves.nistP256,
        JwsAlgorithm.ES384 => ECCurve.NamedCurves.nistP384,
        JwsAlgorithm.ES512 => ECCurve.NamedCurves.nistP521,
        _ => throw new System.ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
