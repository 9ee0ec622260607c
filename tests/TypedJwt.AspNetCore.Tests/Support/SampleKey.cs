using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace TypedJwt.AspNetCore.Tests.Support;

/// <summary>
/// One signing key of each kind the sample accepts in Jwt:SigningKey, as the private JWK text the sample is configured
/// with, as a TypedJwt key for forging tokens, and as a Microsoft.IdentityModel key for issuing peer tokens.
/// </summary>
public sealed class SampleKey
{
    private SampleKey(string kind, string jwk, SecurityKey securityKey, string algorithm, byte[][] publicKeyEncodings, string[] secretMembers)
    {
        Kind = kind;
        Jwk = jwk;
        Signing = JwtSigningKey.FromJwk(jwk);
        SecurityKey = securityKey;
        Algorithm = algorithm;
        PublicKeyEncodings = publicKeyEncodings;
        SecretMembers = secretMembers;
    }

    /// <summary><c>oct</c>, <c>RSA</c> or <c>EC</c>.</summary>
    public string Kind { get; }

    /// <summary>The private JWK as JSON text.</summary>
    public string Jwk { get; }

    public JwtSigningKey Signing { get; }

    public SecurityKey SecurityKey { get; }

    public string Algorithm { get; }

    public string KeyId => Signing.KeyId!;

    public bool IsAsymmetric => Kind != "oct";

    /// <summary>The public key in the encodings an attacker would try as an HMAC secret (algorithm confusion).</summary>
    public byte[][] PublicKeyEncodings { get; }

    /// <summary>The base64url values of the private members, which must never appear in a response.</summary>
    public string[] SecretMembers { get; }

    public static SampleKey Create(string kind) => kind switch
    {
        "oct" => Oct(),
        "RSA" => Rsa(),
        "EC" => Ec(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Another key of the same kind and kid: its tokens look right but must not verify.</summary>
    public SampleKey Impostor() => Create(Kind);

    private static SampleKey Oct()
    {
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        string k = B64(secret);
        string jwk = Json(new() { ["kty"] = "oct", ["k"] = k, ["alg"] = "HS256", ["kid"] = "test-oct" });
        return new SampleKey("oct", jwk, new SymmetricSecurityKey(secret) { KeyId = "test-oct" }, "HS256", [], [k]);
    }

    private static SampleKey Rsa()
    {
        var rsa = RSA.Create(2048);
        RSAParameters p = rsa.ExportParameters(includePrivateParameters: true);
        string jwk = Json(new()
        {
            ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!), ["d"] = B64(p.D!), ["p"] = B64(p.P!), ["q"] = B64(p.Q!),
            ["dp"] = B64(p.DP!), ["dq"] = B64(p.DQ!), ["qi"] = B64(p.InverseQ!), ["alg"] = "RS256", ["kid"] = "test-rsa",
        });
        byte[] spki = rsa.ExportSubjectPublicKeyInfo();
        return new SampleKey("RSA", jwk, new RsaSecurityKey(rsa) { KeyId = "test-rsa" }, "RS256",
            [spki, System.Text.Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()), rsa.ExportRSAPublicKey(), p.Modulus!],
            [B64(p.D!), B64(p.P!), B64(p.Q!), B64(p.DP!), B64(p.DQ!), B64(p.InverseQ!)]);
    }

    private static SampleKey Ec()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters p = ecdsa.ExportParameters(includePrivateParameters: true);
        string jwk = Json(new()
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!), ["d"] = B64(p.D!), ["alg"] = "ES256", ["kid"] = "test-ec",
        });
        byte[] spki = ecdsa.ExportSubjectPublicKeyInfo();
        byte[] point = [0x04, .. p.Q.X!, .. p.Q.Y!];
        return new SampleKey("EC", jwk, new ECDsaSecurityKey(ecdsa) { KeyId = "test-ec" }, "ES256",
            [spki, System.Text.Encoding.ASCII.GetBytes(ecdsa.ExportSubjectPublicKeyInfoPem()), point],
            [B64(p.D!)]);
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static string Json(Dictionary<string, string> members) => JsonSerializer.Serialize(members);
}
