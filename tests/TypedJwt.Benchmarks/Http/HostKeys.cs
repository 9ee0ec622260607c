extern alias sample;

using System.Security.Cryptography;
using System.Text.Json;

namespace TypedJwt.Benchmarks.Http;

/// <summary>
/// The one key both hosts validate with, as the private JWK text the sample reads from <c>Jwt:SigningKey</c>: HS256 (a
/// 32-byte secret) or ES256 (P-256). Tokens are made with it by TypedJwt as the sample's <c>POST /token</c> makes them.
/// </summary>
internal sealed class HostKeys
{
    public const string Issuer = "https://typedjwt.sample";
    public const string Audience = "typedjwt-sample-api";
    public const string KeyId = "http-bench-1";

    public HostKeys(string algorithm)
    {
        Algorithm = algorithm.ToUpperInvariant();
        Jwk = Algorithm switch
        {
            "HS256" => JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["kty"] = "oct",
                ["alg"] = "HS256",
                ["kid"] = KeyId,
                ["k"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            }),
            "ES256" => EcJwk(),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "The request benchmarks use HS256 or ES256."),
        };
        SigningKey = JwtSigningKey.FromJwk(Jwk);
    }

    public string Algorithm { get; }

    /// <summary>The private JWK as JSON text.</summary>
    public string Jwk { get; }

    public JwtSigningKey SigningKey { get; }

    /// <summary>An access token of the sample's shape: iss, aud, sub, exp, iat, jti, roles, typ at+jwt.</summary>
    public string Token(string subject = "alice", TimeSpan? lifetime = null)
    {
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return JwsWriter.Write(
            new sample::TypedJwt.SampleApi.AccessToken
            {
                Issuer = Issuer,
                Audience = Audience,
                Subject = subject,
                IssuedAt = now,
                ExpiresAt = now + (lifetime ?? TimeSpan.FromHours(1)),
                TokenId = Guid.NewGuid().ToString("N"),
                Roles = ["admin", "user"],
            },
            SigningKey);
    }

    private static string EcJwk()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters p = ecdsa.ExportParameters(includePrivateParameters: true);
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["alg"] = "ES256",
            ["kid"] = KeyId,
            ["x"] = B64(p.Q.X!),
            ["y"] = B64(p.Q.Y!),
            ["d"] = B64(p.D!),
        });
    }
}
