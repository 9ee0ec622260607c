// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): TJ0012 reports an HMAC key shorter
// than the size this table requires, so the analyzer and the key factories cannot disagree.
using System;

namespace TypedJwt;

/// <summary>
/// What each JWS algorithm means (RFC 7518 §3): its key family and hash size, and for ECDSA the curve it is bound to.
/// One table here keeps the key classes, the JWK reader, the factories and the analyzers from disagreeing. The BCL objects
/// the key classes build from it are in <c>JwsAlgorithmParameters.Cryptography.cs</c>, which the generator does not need.
/// </summary>
internal static partial class JwsAlgorithmParameters
{
    internal static JwsAlgorithmFamily GetFamily(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.HS256 or JwsAlgorithm.HS384 or JwsAlgorithm.HS512 => JwsAlgorithmFamily.Hmac,
        JwsAlgorithm.RS256 or JwsAlgorithm.RS384 or JwsAlgorithm.RS512 => JwsAlgorithmFamily.RsaPkcs1,
        JwsAlgorithm.PS256 or JwsAlgorithm.PS384 or JwsAlgorithm.PS512 => JwsAlgorithmFamily.RsaPss,
        JwsAlgorithm.ES256 or JwsAlgorithm.ES384 or JwsAlgorithm.ES512 => JwsAlgorithmFamily.Ecdsa,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The hash output size in bytes: the HMAC tag size and the minimum HMAC key size (RFC 7518 §3.2).</summary>
    internal static int GetHashSize(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.HS256 or JwsAlgorithm.RS256 or JwsAlgorithm.PS256 or JwsAlgorithm.ES256 => 32,
        JwsAlgorithm.HS384 or JwsAlgorithm.RS384 or JwsAlgorithm.PS384 or JwsAlgorithm.ES384 => 48,
        JwsAlgorithm.HS512 or JwsAlgorithm.RS512 or JwsAlgorithm.PS512 or JwsAlgorithm.ES512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The JWK <c>crv</c> name (RFC 7518 §6.2.1.1) of the curve an ES* algorithm requires.</summary>
    internal static string GetCurveName(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.ES256 => "P-256",
        JwsAlgorithm.ES384 => "P-384",
        JwsAlgorithm.ES512 => "P-521",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The byte length of one field element (a coordinate, a private scalar, and each of r and s): ceil(bits / 8).</summary>
    internal static int GetFieldSize(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.ES256 => 32,
        JwsAlgorithm.ES384 => 48,
        JwsAlgorithm.ES512 => 66,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    internal static bool IsSymmetric(JwsAlgorithm algorithm) => GetFamily(algorithm) == JwsAlgorithmFamily.Hmac;
}
