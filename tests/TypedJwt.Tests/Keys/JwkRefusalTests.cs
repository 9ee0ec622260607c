using System.Text.Json.Nodes;

namespace TypedJwt.Tests.Keys;

/// <summary>Every JWK rule the reader enforces: each refusal is an ArgumentException that names the member and no key material.</summary>
public class JwkRefusalTests
{
    private const string HmacK = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA"; // 32 bytes 01..20

    private static string Hmac(string extraMembers = "", string k = HmacK) =>
        $$"""{"kty":"oct","alg":"HS256","k":"{{k}}"{{extraMembers}}}""";

    [Fact]
    public void A_valid_hmac_jwk_loads()
    {
        JwtSigningKey key = JwtSigningKey.FromJwk(Hmac(""","kid":"h1","use":"sig","key_ops":["sign","verify"],"x5t":"ignored","ext":true"""));
        Assert.Equal(JwsAlgorithm.HS256, key.Algorithm);
        Assert.Equal("h1", key.KeyId);
        byte[] signature = new byte[32];
        Assert.True(key.TrySign("a.b"u8, signature, out _));
        Assert.True(JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, TestKeys.Hmac256Secret).Verify("a.b"u8, signature));
    }

    [Theory]
    [InlineData("""{"kty":"oct","alg":"HS256","k":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA","kid":"\udfaa"}""")]
    [InlineData("""{"kty":"oct","alg":"HS256","k":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA","\ud800":1}""")]
    public void Lone_surrogate_escape_is_an_argument_error_not_a_crash(string jwk)
    {
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(jwk));
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks("{\"keys\":[" + jwk + "]}"));
    }

    [Fact]
    public void Missing_alg_is_refused_with_an_explanation()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk($$"""{"kty":"oct","k":"{{HmacK}}"}"""));
        Assert.Contains("'alg'", e.Message);
        Assert.Contains("must carry", e.Message);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("hs256")]
    [InlineData("A256GCM")]
    [InlineData("ES521")]
    [InlineData("")]
    public void Alg_that_is_not_an_implemented_jws_algorithm_is_refused(string alg)
    {
        string json = $$"""{"kty":"oct","alg":"{{alg}}","k":"{{HmacK}}"}""";
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(json));
        Assert.Contains("'alg'", e.Message);
    }

    [Theory]
    [InlineData("RS256", "oct")]
    [InlineData("ES256", "RSA")]
    [InlineData("HS256", "EC")]
    public void Alg_of_another_kty_is_refused(string alg, string kty)
    {
        string json = $$"""{"kty":"{{kty}}","alg":"{{alg}}","k":"{{HmacK}}"}""";
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(json));
        Assert.Contains("'kty'", e.Message);
    }

    [Fact]
    public void Unknown_kty_and_missing_kty_are_refused()
    {
        Assert.Contains("'kty'", Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk($$"""{"kty":"OKP","alg":"HS256","k":"{{HmacK}}"}""")).Message);
        Assert.Contains("'kty'", Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk($$"""{"alg":"HS256","k":"{{HmacK}}"}""")).Message);
    }

    [Theory]
    [InlineData("enc")]
    [InlineData("SIG")]
    public void Use_other_than_sig_is_refused(string use)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(Hmac($$""","use":"{{use}}" """)));
        Assert.Contains("'use'", e.Message);
    }

    [Theory]
    [InlineData("""["encrypt","decrypt"]""")]
    [InlineData("""[]""")]
    [InlineData("""["sign","sign"]""")]
    [InlineData("""["sign",1]""")]
    [InlineData("\"sign\"")]
    public void Key_ops_without_sign_or_verify_or_malformed_are_refused(string keyOps)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(Hmac($$""","key_ops":{{keyOps}}""")));
        Assert.Contains("'key_ops'", e.Message);
    }

    [Theory]
    [InlineData(HmacK + "=")]
    [InlineData(HmacK + "==")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyB")] // last character carries non-zero unused bits
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBES ExQVFhcYGRobHB0eHyA")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBES\\nExQVFhcYGRobHB0eHyA")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHy+")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAA1")]
    public void K_that_is_not_strict_base64url_is_refused(string k)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(Hmac(k: k)));
        Assert.Contains("'k'", e.Message);
        Assert.DoesNotContain(HmacK[..10], e.Message);
    }

    [Fact]
    public void Escaped_base64url_is_unescaped_before_decoding()
    {
        string escaped = "\\u0041" + HmacK[1..]; // "A" written as a JSON escape
        JwtSigningKey key = JwtSigningKey.FromJwk(Hmac(k: escaped));
        Assert.Equal(32, key.SignatureSize);
    }

    [Theory]
    [InlineData("""{"kty":"oct","alg":"HS256","alg":"HS256","k":"K"}""", "'alg'")]
    [InlineData("""{"kty":"oct","alg":"HS256","k":"K","\u006b":"K"}""", "'k'")]
    [InlineData("""{"kty":"oct","alg":"HS256","k":"K","x-custom":1,"x-custom":2}""", "'x-custom'")]
    public void Duplicate_members_are_refused_even_when_spelled_with_escapes(string template, string member)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(template.Replace("\"K\"", $"\"{HmacK}\"")));
        Assert.Contains(member, e.Message);
        Assert.Contains("more than once", e.Message);
    }

    [Fact]
    public void A_repeated_member_name_is_quoted_escaped_and_capped()
    {
        // The name is the input's text: CR/LF would forge log lines, and a long one would flood them.
        string name = "x\r\nforged " + new string('A', 500);
        string member = System.Text.Json.JsonSerializer.Serialize(name);
        string jwk = Hmac($",{member}:1,{member}:2");
        foreach (string message in new[]
        {
            Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(jwk)).Message,
            Assert.Throws<ArgumentException>(() => JwtEncryptionKey.FromJwk(jwk, JweEncryption.A128GCM)).Message,
            Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($"{{\"keys\":[],{member}:1,{member}:2}}")).Message,
        })
        {
            Assert.DoesNotContain('\r', message);
            Assert.DoesNotContain('\n', message);
            Assert.Contains("'x\\u000d\\u000aforged AAA", message);
            Assert.Contains("AAA...' more than once", message);
        }
    }

    [Theory]
    [InlineData("""{"kty":"oct","alg":"HS256","k":"AAAA""")]
    [InlineData("""{"kty":"oct","alg":"HS256","k":"AAAA"} {}""")]
    [InlineData("""[{"kty":"oct"}]""")]
    [InlineData("""{"kty":"oct","alg":HS256}""")]
    [InlineData("""{"kty":1,"alg":"HS256"}""")]
    public void Malformed_json_is_an_argument_exception(string json)
    {
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(json));
    }

    [Fact]
    public void Short_hmac_k_is_refused()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk("""{"kty":"oct","alg":"HS512","k":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA"}"""));
        Assert.Contains("'k'", e.Message);
        Assert.Contains("64", e.Message);
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk("""{"kty":"oct","alg":"HS256","k":""}"""));
    }

    [Fact]
    public void Rsa_rules()
    {
        JsonObject privateKey = TestKeys.RsaPrivateJwk;
        privateKey["alg"] = "RS256";

        Assert.Contains("'n'", Refused(privateKey.With("n", null)));
        Assert.Contains("'e'", Refused(privateKey.With("e", "AQ")));
        Assert.Contains("'e'", Refused(privateKey.With("e", "AQA"))); // 0x0100: even
        Assert.Contains("'oth'", Refused(privateKey.With("oth", new JsonArray())));

        string dOnly = JsonNode.Parse(privateKey.With("p", null))!.AsObject().With("q", null);
        Assert.Contains("CRT", Refused(dOnly));
        Assert.Contains("'d'", Refused(privateKey.With("d", null)));

        // A consistent-looking but wrong CRT member is caught by the platform's import.
        string wrongQi = privateKey.With("qi", (string)privateKey["dq"]!);
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(wrongQi));
    }

    [Fact]
    public void Rsa_modulus_under_2048_bits_is_refused()
    {
        // Drop the top byte of the RFC 7515 modulus: 2040 bits.
        byte[] n = TestKeys.FromBase64Url((string)TestKeys.RsaPublicJwk["n"]!);
        string shortN = TestKeys.ToBase64Url(n.AsSpan(1));
        string message = Refused(TestKeys.RsaPublicJwk.With("alg", "RS256").Replace((string)TestKeys.RsaPublicJwk["n"]!, shortN));
        Assert.Contains("'n'", message);
        Assert.Contains("2048", message);
    }

    [Fact]
    public void Ec_rules()
    {
        JsonObject jwk = TestKeys.EcP256PrivateJwk;
        jwk["alg"] = "ES256";
        Assert.True(JwtSigningKey.FromJwk(jwk.ToJsonString()).CanSign);

        Assert.Contains("'crv'", Refused(jwk.With("crv", "P-384")));
        Assert.Contains("'crv'", Refused(jwk.With("crv", null)));
        Assert.Contains("'crv'", Refused(jwk.With("alg", "ES384")));
        Assert.Contains("'y'", Refused(jwk.With("y", null)));

        // A coordinate without its leading zero is not the full field size (RFC 7518 §6.2.1.2).
        byte[] x = TestKeys.FromBase64Url((string)jwk["x"]!);
        Assert.Contains("'x'", Refused(jwk.With("x", TestKeys.ToBase64Url(x.AsSpan(1)))));

        // Flip one bit of y: the point leaves the curve.
        byte[] y = TestKeys.FromBase64Url((string)jwk["y"]!);
        y[^1] ^= 1;
        string offCurve = JsonNode.Parse(jwk.With("y", TestKeys.ToBase64Url(y)))!.AsObject().With("d", null);
        Assert.Contains("not on the curve", Refused(offCurve));

        // A private key that does not belong to the public point.
        byte[] d = TestKeys.FromBase64Url((string)jwk["d"]!);
        d[^1] ^= 1;
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(jwk.With("d", TestKeys.ToBase64Url(d))));
    }

    [Fact]
    public void Messages_never_contain_key_material()
    {
        JsonObject rsa = TestKeys.RsaPrivateJwk;
        rsa["alg"] = "RS256";
        string[] secrets = [(string)rsa["d"]!, (string)rsa["p"]!, (string)rsa["n"]!];
        foreach (string json in new[] { rsa.With("qi", (string)rsa["dq"]!), rsa.With("use", "enc"), rsa.With("p", (string)rsa["p"]! + "=") })
        {
            string message = Refused(json);
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(secret[..12], message);
            }
        }
    }

    private static string Refused(string json) => Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(json)).Message;
}
