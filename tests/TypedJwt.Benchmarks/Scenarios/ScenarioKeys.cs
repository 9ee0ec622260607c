using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>
/// One key per scenario, in every library's wrapper over the same BCL object: a 32-byte secret for HS256, RSA-2048 for
/// RS256/PS256, P-256 for ES256. Sharing the BCL object keeps the primitive's cost identical across libraries.
/// </summary>
internal sealed class ScenarioKeys
{
    public const string KeyId = "bench-key-1";

    public ScenarioKeys(JwsAlgorithm algorithm)
    {
        Algorithm = algorithm;
        AlgorithmName = algorithm.ToString();
        switch (algorithm)
        {
            case JwsAlgorithm.HS256:
                Secret = RandomNumberGenerator.GetBytes(32);
                TypedJwt = JwtSigningKey.CreateHmac(algorithm, Secret, KeyId);
                IdentityModel = new SymmetricSecurityKey(Secret) { KeyId = KeyId };
                break;
            case JwsAlgorithm.RS256:
            case JwsAlgorithm.PS256:
                Rsa = RSA.Create(2048);
                TypedJwt = JwtSigningKey.FromRsa(Rsa, algorithm, KeyId);
                IdentityModel = new RsaSecurityKey(Rsa) { KeyId = KeyId };
                break;
            case JwsAlgorithm.ES256:
                Ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                TypedJwt = JwtSigningKey.FromECDsa(Ecdsa, algorithm, KeyId);
                IdentityModel = new ECDsaSecurityKey(Ecdsa) { KeyId = KeyId };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "The benchmark scenarios are HS256, RS256, PS256 and ES256.");
        }

        SigningCredentials = new SigningCredentials(IdentityModel, AlgorithmName);
    }

    public JwsAlgorithm Algorithm { get; }

    public string AlgorithmName { get; }

    public byte[] Secret { get; } = [];

    public RSA? Rsa { get; }

    public ECDsa? Ecdsa { get; }

    public JwtSigningKey TypedJwt { get; }

    public SecurityKey IdentityModel { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>The key object jose-jwt takes for this algorithm.</summary>
    public object Jose => (object?)Rsa ?? (object?)Ecdsa ?? Secret;
}
