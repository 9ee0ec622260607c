using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TypedJwt.Tests.Keys;

public class JwtKeySetTests
{
    private static JwtSigningKey Hmac(string? kid, byte fill = 1) =>
        JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Enumerable.Repeat(fill, 32).ToArray(), kid);

    [Fact]
    public void Kid_selects_exactly_that_key()
    {
        JwtSigningKey a = Hmac("a"), b = Hmac("b", 2), accented = Hmac("clé", 3);
        var set = new JwtKeySet([a, b, accented]);

        Assert.True(set.TryResolve("b"u8, hasKid: true, out JwtSigningKey? found));
        Assert.Same(b, found);
        Assert.True(set.TryResolve(Encoding.UTF8.GetBytes("clé"), hasKid: true, out found));
        Assert.Same(accented, found);

        Assert.False(set.TryResolve("B"u8, hasKid: true, out found));
        Assert.Null(found);
        Assert.False(set.TryResolve("c"u8, hasKid: true, out _));
        Assert.False(set.TryResolve(""u8, hasKid: true, out _));

        // Without a kid, a set of several keys selects nothing rather than guessing.
        Assert.False(set.TryResolve(default, hasKid: false, out _));
    }

    [Fact]
    public void Header_without_kid_selects_the_only_key()
    {
        JwtSigningKey only = Hmac(kid: null);
        var set = new JwtKeySet(only);
        Assert.True(set.TryResolve(default, hasKid: false, out JwtSigningKey? found));
        Assert.Same(only, found);

        // A header kid never matches a key that has none.
        Assert.False(set.TryResolve("x"u8, hasKid: true, out _));

        var withKid = new JwtKeySet(Hmac("k"));
        Assert.True(withKid.TryResolve(default, hasKid: false, out _));
        Assert.True(withKid.TryResolve("k"u8, hasKid: true, out _));
    }

    [Fact]
    public void Duplicate_kid_is_refused()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new JwtKeySet([Hmac("same"), Hmac("same", 2)]));
        Assert.Contains("'kid'", e.Message);
    }

    [Fact]
    public void Duplicate_kid_is_quoted_escaped_and_capped()
    {
        string kid = "k\r\nforged " + new string('A', 500);
        string message = Assert.Throws<ArgumentException>(() => new JwtKeySet([Hmac(kid), Hmac(kid, 2)])).Message;
        Assert.DoesNotContain('\n', message);
        Assert.Contains("\"k\\u000d\\u000aforged AAA", message);
        Assert.Contains("AAA...\"", message);
    }

    [Fact]
    public void Key_without_kid_among_several_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new JwtKeySet([Hmac("a"), Hmac(null, 2)]));
    }

    [Fact]
    public void Symmetric_and_asymmetric_keys_cannot_be_mixed()
    {
        using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JwtSigningKey ec = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256, "ec");
        ArgumentException e = Assert.Throws<ArgumentException>(() => new JwtKeySet([ec, Hmac("h")]));
        Assert.Contains("mixes", e.Message);
        Assert.Throws<ArgumentException>(() => new JwtKeySet([Hmac("h"), ec]));

        // Asymmetric families mix freely.
        JwtSigningKey rsa = TestKeys.Load(TestKeys.RsaPublicJwk, "RS256", "rsa");
        Assert.Equal(2, new JwtKeySet([ec, rsa]).Keys.Count);
    }

    [Fact]
    public void Null_keys_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new JwtKeySet((JwtSigningKey)null!));
        Assert.Throws<ArgumentException>(() => new JwtKeySet([Hmac("a"), null!]));
    }

    [Fact]
    public void FromJwks_reads_a_set_and_refuses_malformed_ones()
    {
        string rsa = TestKeys.RsaPublicJwk.With("alg", "PS256").Replace("{", """{"kid":"r1",""");
        string ec = JsonNode.Parse(TestKeys.EcP256PrivateJwk.With("alg", "ES256"))!.AsObject().With("kid", "e1");
        JwtKeySet set = JwtKeySet.FromJwks($$"""{"keys":[{{rsa}},{{ec}}],"x-extra":{"nested":[1,2]} }""");
        Assert.Equal(2, set.Keys.Count);
        Assert.True(set.TryResolve("e1"u8, true, out JwtSigningKey? key));
        Assert.Equal(JwsAlgorithm.ES256, key.Algorithm);

        Assert.Empty(set.IgnoredKeys);

        Assert.Empty(JwtKeySet.FromJwks("""{"keys":[]}""").Keys);
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks("""{"keyz":[]}"""));
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks("""{"keys":{}}"""));
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks("""{"keys":[],"keys":[]}"""));
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks("""[]"""));

        // An element that is not a JWK is ignored; with nothing else in the set, nothing is usable.
        Assert.Contains("Key 0: The element is not a JSON object", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks("""{"keys":[1]}""")).Message);
        Assert.Equal(0, Assert.Single(JwtKeySet.FromJwks($$"""{"keys":[1,{{rsa}}]}""").IgnoredKeys).Index);
    }

    [Fact]
    public void FromJwks_ignores_a_key_it_cannot_use_and_keeps_the_others()
    {
        // Once "one refused key refuses the whole set"; now (RFC 7517 §5) the key is listed with its reason.
        string rsa = TestKeys.RsaPublicJwk.With("alg", "PS256").Replace("{", """{"kid":"r1",""");
        JwtKeySet set = JwtKeySet.FromJwks($$"""{"keys":[{{rsa}},{"kty":"oct","k":"AA"}]}""");
        Assert.Equal("r1", Assert.Single(set.Keys).KeyId);
        IgnoredJsonWebKey ignored = Assert.Single(set.IgnoredKeys);
        Assert.Equal(1, ignored.Index);
        Assert.Null(ignored.KeyId);
        Assert.Contains("'alg'", ignored.Reason);

        // Alone, the key leaves the set without a usable key: refused, with the same reason.
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks("""{"keys":[{"kty":"oct","k":"AA"}]}"""));
        Assert.Contains("Key 0", e.Message);
        Assert.Contains(ignored.Reason, e.Message);
    }

    [Fact]
    public void A_set_made_from_keys_has_no_ignored_keys()
    {
        Assert.Empty(new JwtKeySet(Hmac("a")).IgnoredKeys);
    }

    [Fact]
    public void Public_jwks_publishes_asymmetric_keys_only()
    {
        JwtSigningKey ec = TestKeys.Load(TestKeys.EcP256PrivateJwk, "ES256", "e1");
        JwtSigningKey rsa = TestKeys.Load(TestKeys.RsaPrivateJwk, "RS256", "r1");
        string jwks = new JwtKeySet([ec, rsa]).ToPublicJwks();
        JsonArray keys = JsonNode.Parse(jwks)!["keys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Null(k!["d"]));

        JwtKeySet roundTrip = JwtKeySet.FromJwks(jwks);
        Assert.All(roundTrip.Keys, k => Assert.False(k.CanSign));

        Assert.Equal("""{"keys":[]}""", new JwtKeySet(Hmac("h")).ToPublicJwks());
    }
}
