using System.Text.Json.Nodes;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// RFC 7517 Appendix A and B keys. Most of them carry no "alg" (and one is an encryption key), so under TypedJwt's
/// one-key-one-algorithm policy several are refused as single JWKs; the tests pin which, that the rest parse with the
/// expected kid, alg and private/public state, and that a JWK Set ignores the keys it cannot use.
/// </summary>
public class Rfc7517JwkTests
{
    private static readonly Lazy<JsonArray> Cases = new(() =>
        JsonNode.Parse(File.ReadAllText(VectorFiles.Rfc("rfc7517_jwk.json")))!["cases"]!.AsArray());

    [Theory]
    [InlineData("rfc7517_A.1", false)]
    [InlineData("rfc7517_A.2", true)]
    public void Rsa_key_of_the_example_sets_parses_and_the_ec_encryption_key_is_refused(string id, bool isPrivate)
    {
        JsonArray keys = Keys(id);
        JsonObject ec = keys[0]!.AsObject();
        JsonObject rsa = keys[1]!.AsObject();

        ArgumentException noAlg = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(ec.ToJsonString()));
        Assert.Contains("'alg'", noAlg.Message);

        // Even with an alg, "use":"enc" keeps the EC key out of signing.
        ArgumentException encryption = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(ec.With("alg", "ES256")));
        Assert.Contains("'use'", encryption.Message);

        JwtSigningKey key = JwtSigningKey.FromJwk(rsa.ToJsonString());
        Assert.Equal(JwsAlgorithm.RS256, key.Algorithm);
        Assert.Equal("2011-04-29", key.KeyId);
        Assert.Equal(isPrivate, key.CanSign);
        Assert.Equal(256, key.SignatureSize);

        // In the set, the encryption key is ignored (RFC 7517 §5) and the RSA key kept.
        JwtKeySet set = JwtKeySet.FromJwks(Case(id)["jwks"]!.ToJsonString());
        Assert.Equal("2011-04-29", Assert.Single(set.Keys).KeyId);
        IgnoredJsonWebKey ignored = Assert.Single(set.IgnoredKeys);
        Assert.Equal((0, "1"), (ignored.Index, ignored.KeyId));
        Assert.Contains("'use' is \"enc\"", ignored.Reason);

        // Without the RSA key nothing is usable, and the set is refused for the encryption key's reason.
        var encryptionOnly = new JsonObject { ["keys"] = new JsonArray(ec.DeepClone()) };
        Assert.Contains("'use'", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(encryptionOnly.ToJsonString())).Message);
    }

    [Fact]
    public void Symmetric_example_keys_need_a_jws_alg()
    {
        JsonArray keys = Keys("rfc7517_A.3");
        JsonObject keyWrap = keys[0]!.AsObject();
        JsonObject hmac = keys[1]!.AsObject();

        ArgumentException keyManagement = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(keyWrap.ToJsonString()));
        Assert.Contains("not a JWS algorithm", keyManagement.Message);
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(hmac.ToJsonString()));

        JwtSigningKey key = JwtSigningKey.FromJwk(hmac.With("alg", "HS256"));
        Assert.Equal("HMACkeyusedinJWSspecAppendixA.1example", key.KeyId);
        Assert.True(key.CanSign);
    }

    [Fact]
    public void X5c_key_parses_once_bound_to_an_alg_and_ignores_the_certificate_chain()
    {
        JsonObject jwk = Case("rfc7517_B")["jwk"]!.AsObject();
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(jwk.ToJsonString()));

        JwtSigningKey key = JwtSigningKey.FromJwk(jwk.With("alg", "RS256"));
        Assert.Equal("1b94c", key.KeyId);
        Assert.False(key.CanSign);

        JsonObject published = JsonNode.Parse(key.ToPublicJwk())!.AsObject();
        Assert.Equal((string?)jwk["n"], (string?)published["n"]);
        Assert.Equal("AQAB", (string?)published["e"]);
    }

    private static JsonObject Case(string id) => Cases.Value.Single(c => (string?)c!["id"] == id)!.AsObject();

    private static JsonArray Keys(string id) => Case(id)["jwks"]!["keys"]!.DeepClone().AsArray();
}
