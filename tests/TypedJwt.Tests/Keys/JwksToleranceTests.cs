using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TypedJwt.Tests.Jws;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// Security review finding F7: a JWK Set reader ignores the keys it cannot verify with (RFC 7517 §5) and says which and
/// why, instead of refusing the whole set, so an identity provider that adds an encryption or Ed25519 key does not stop
/// every validator. What stays an error: a malformed document, a set with no usable key, and the set rules among the
/// usable keys.
/// </summary>
public class JwksToleranceTests
{
    private static readonly RSA SecondRsa = RSA.Create(2048);

    // RFC 8037 Appendix A.2: the Ed25519 public key.
    private const string Ed25519X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    private static JsonObject RsaA => Without(TestKeys.RsaPublicJwk, "alg");

    private static JsonObject RsaB
    {
        get
        {
            RSAParameters parameters = SecondRsa.ExportParameters(includePrivateParameters: false);
            return new JsonObject { ["kty"] = "RSA", ["n"] = TestKeys.ToBase64Url(parameters.Modulus), ["e"] = TestKeys.ToBase64Url(parameters.Exponent) };
        }
    }

    private static JsonObject EcP256Public => Without(TestKeys.EcP256PrivateJwk, "d");

    /// <summary>What an identity provider publishes: signing keys without "alg", next to keys for other purposes and types.</summary>
    private static string IdentityProviderJwks() => Jwks(
        With(RsaA, ("kid", "rsa-a"), ("use", "sig")),                                        // 0: usable, RS256
        With(RsaB, ("kid", "rsa-b"), ("use", "sig")),                                        // 1: usable, RS256
        With(RsaB, ("kid", "rsa-a"), ("use", "enc"), ("alg", "RSA-OAEP-256")),               // 2: encryption key sharing a kid
        new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = Ed25519X, ["kid"] = "ed-1", ["alg"] = "EdDSA" }, // 3
        With(EcP256Public, ("kid", "ec-1")),                                                 // 4: usable, ES256
        new JsonObject { ["kty"] = "ML-DSA", ["kid"] = "pq-1", ["pub"] = "AAECAwQF" });      // 5: unknown kty

    [Fact]
    public void Identity_provider_set_keeps_the_signing_keys_and_lists_the_others_with_reasons()
    {
        string jwks = IdentityProviderJwks();
        JwtKeySet set = JwtKeySet.FromJwks(jwks);

        Assert.Equal(["rsa-a", "rsa-b", "ec-1"], set.Keys.Select(k => k.KeyId));
        Assert.Equal([JwsAlgorithm.RS256, JwsAlgorithm.RS256, JwsAlgorithm.ES256], set.Keys.Select(k => k.Algorithm));
        Assert.All(set.Keys, k => Assert.False(k.CanSign));

        Assert.Equal([2, 3, 5], set.IgnoredKeys.Select(k => k.Index));
        Assert.Equal(["rsa-a", "ed-1", "pq-1"], set.IgnoredKeys.Select(k => k.KeyId));
        Assert.Contains("'use' is \"enc\"", set.IgnoredKeys[0].Reason);
        Assert.Contains("'kty' is \"OKP\"", set.IgnoredKeys[1].Reason);
        Assert.Contains("'kty' is not oct, RSA or EC", set.IgnoredKeys[2].Reason);
        Assert.Equal("Key 3 ('kid' \"ed-1\"): " + set.IgnoredKeys[1].Reason, set.IgnoredKeys[1].ToString());

        // The reasons name members; they never carry the keys' values.
        foreach (IgnoredJsonWebKey ignored in set.IgnoredKeys)
        {
            foreach (string value in new[] { (string)RsaB["n"]!, Ed25519X, "AAECAwQF", "RSA-OAEP-256", "EdDSA", "ML-DSA" })
            {
                Assert.DoesNotContain(value[..Math.Min(12, value.Length)], ignored.ToString());
            }
        }

        // The enc key shares "rsa-a" with a signing key: ignored keys take no part in the kid rule, and the kid selects the signing key.
        Assert.True(set.TryResolve("rsa-a"u8, hasKid: true, out JwtSigningKey? selected));
        Assert.Equal(JwsAlgorithm.RS256, selected.Algorithm);
    }

    [Fact]
    public void Tokens_signed_with_the_published_keys_validate_against_the_set()
    {
        var validator = new JwtValidator<AnyAccessTokenClaims>(JwtKeySet.FromJwks(IdentityProviderJwks()), ValidatorTestKit.Policy());

        string rs256 = JwsWriter.Write(new AnyAccessTokenClaims(), TestKeys.Load(TestKeys.RsaPrivateJwk, "RS256", "rsa-a"));
        Assert.Equal(JwtError.None, validator.Validate(rs256.AsSpan()));

        string fromB = JwsWriter.Write(new AnyAccessTokenClaims(), JwtSigningKey.FromRsa(SecondRsa, JwsAlgorithm.RS256, "rsa-b"));
        Assert.Equal(JwtError.None, validator.Validate(fromB.AsSpan()));

        string es256 = JwsWriter.Write(new AnyAccessTokenClaims(), TestKeys.Load(TestKeys.EcP256PrivateJwk, "ES256", "ec-1"));
        Assert.Equal(JwtError.None, validator.Validate(es256.AsSpan()));

        // Key A's signature under key B's kid: the kid selects B, and B does not verify it.
        string wrongKid = JwsWriter.Write(new AnyAccessTokenClaims(), TestKeys.Load(TestKeys.RsaPrivateJwk, "RS256", "rsa-b"));
        Assert.Equal(JwtErrorCode.InvalidSignature, validator.Validate(wrongKid.AsSpan()).Code);

        // An ignored key's kid selects nothing.
        string ed = JwsWriter.Write(new AnyAccessTokenClaims(), TestKeys.Load(TestKeys.RsaPrivateJwk, "RS256", "ed-1"));
        Assert.Equal(JwtErrorCode.KeyNotFound, validator.Validate(ed.AsSpan()).Code);
    }

    [Fact]
    public void Allowed_algorithms_bind_an_rsa_key_without_alg_to_the_first_rsa_one()
    {
        string jwks = Jwks(
            With(RsaA, ("kid", "rsa-a")),
            With(RsaB, ("kid", "rsa-b"), ("alg", "RS256")),
            With(EcP256Public, ("kid", "ec-1")));
        JwtKeySet set = JwtKeySet.FromJwks(jwks, [JwsAlgorithm.PS256]);

        JwtSigningKey key = Assert.Single(set.Keys);
        Assert.Equal(("rsa-a", JwsAlgorithm.PS256), (key.KeyId, key.Algorithm));

        // An explicit alg outside the list, and the alg an EC key's curve implies, are ignored, and the reasons say so.
        Assert.Equal([1, 2], set.IgnoredKeys.Select(k => k.Index));
        Assert.Contains("'alg' is RS256, which is not among the algorithms allowed", set.IgnoredKeys[0].Reason);
        Assert.Contains("ES256, the algorithm of its 'crv' P-256, is not allowed", set.IgnoredKeys[1].Reason);

        var validator = new JwtValidator<AnyAccessTokenClaims>(set, ValidatorTestKit.Policy());
        string ps256 = JwsWriter.Write(new AnyAccessTokenClaims(), TestKeys.Load(TestKeys.RsaPrivateJwk, "PS256", "rsa-a"));
        Assert.Equal(JwtError.None, validator.Validate(ps256.AsSpan()));
        string rs256 = JwsWriter.Write(new AnyAccessTokenClaims(), TestKeys.Load(TestKeys.RsaPrivateJwk, "RS256", "rsa-a"));
        Assert.Equal(JwtErrorCode.AlgorithmMismatch, validator.Validate(rs256.AsSpan()).Code);
    }

    [Fact]
    public void Rsa_key_without_alg_binds_in_the_order_given_and_is_ignored_when_no_rsa_algorithm_is_allowed()
    {
        string jwks = Jwks(With(RsaA, ("kid", "rsa-a")), With(EcP256Public, ("kid", "ec-1")));

        JwtKeySet set = JwtKeySet.FromJwks(jwks, [JwsAlgorithm.ES256, JwsAlgorithm.PS384, JwsAlgorithm.RS256]);
        Assert.Equal([JwsAlgorithm.PS384, JwsAlgorithm.ES256], set.Keys.Select(k => k.Algorithm));
        Assert.Empty(set.IgnoredKeys);

        set = JwtKeySet.FromJwks(TestKeys.Utf8(jwks), [JwsAlgorithm.ES256]);
        Assert.Equal("ec-1", Assert.Single(set.Keys).KeyId);
        IgnoredJsonWebKey rsa = Assert.Single(set.IgnoredKeys);
        Assert.Equal((0, "rsa-a"), (rsa.Index, rsa.KeyId));
        Assert.Contains("no RSA algorithm", rsa.Reason);

        // Without a list, every algorithm is allowed: RS256 for RSA, the curve's algorithm for EC.
        string curves = Jwks(With(RsaA, ("kid", "r")), With(EcP256Public, ("kid", "p256")), With(Without(TestKeys.EcP521PrivateJwk, "d"), ("kid", "p521")));
        Assert.Equal([JwsAlgorithm.RS256, JwsAlgorithm.ES256, JwsAlgorithm.ES512], JwtKeySet.FromJwks(curves).Keys.Select(k => k.Algorithm));
    }

    [Fact]
    public void Algorithms_argument_is_validated()
    {
        string jwks = Jwks(With(RsaA, ("kid", "rsa-a")));
        Assert.Equal("algorithms", Assert.Throws<ArgumentNullException>(() => JwtKeySet.FromJwks(jwks, null!)).ParamName);
        Assert.Equal("algorithms", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(jwks, [])).ParamName);
        Assert.Equal("algorithms", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(jwks, [JwsAlgorithm.RS256, (JwsAlgorithm)99])).ParamName);
        Assert.Equal("algorithms", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(TestKeys.Utf8(jwks), [(JwsAlgorithm)0])).ParamName);
        Assert.Throws<ArgumentNullException>(() => JwtKeySet.FromJwks((string)null!, [JwsAlgorithm.RS256]));
    }

    public static TheoryData<string, string> UnusableKeys()
    {
        JsonObject rsa = With(RsaA, ("kid", "bad"));
        byte[] y = TestKeys.FromBase64Url((string)EcP256Public["y"]!);
        y[^1] ^= 1;
        byte[] n = TestKeys.FromBase64Url((string)RsaA["n"]!);
        return new TheoryData<string, string>
        {
            { With(rsa, ("use", "enc")).ToJsonString(), "'use'" },
            { With(rsa, ("use", "tls")).ToJsonString(), "'use'" },
            { With(rsa, ("key_ops", new JsonArray("encrypt", "wrapKey"))).ToJsonString(), "'key_ops'" },
            { """{"kty":"OKP","crv":"X25519","kid":"bad","x":"AAAA"}""", "'kty'" },
            { """{"kty":"oct?","kid":"bad","k":"AAAA"}""", "'kty'" },
            { """{"kid":"bad","n":"AAAA"}""", "'kty'" },
            { With(EcP256Public, ("kid", "bad"), ("crv", "secp256k1")).ToJsonString(), "'crv'" },
            { With(EcP256Public, ("kid", "bad"), ("alg", "ES256K")).ToJsonString(), "'alg'" },
            { With(rsa, ("alg", "RSA-OAEP")).ToJsonString(), "'alg'" },
            { With(rsa, ("alg", "PS256"), ("kty", "EC")).ToJsonString(), "'crv'" },
            { With(rsa, ("alg", "ES256")).ToJsonString(), "'kty'" },
            { $$"""{"kty":"oct","kid":"bad","k":"{{TestKeys.ToBase64Url(TestKeys.Hmac256Secret)}}"}""", "'alg'" },
            { With(rsa, ("n", TestKeys.ToBase64Url(n.AsSpan(1)))).ToJsonString(), "'n'" },
            { With(rsa, ("e", "AQAB=")).ToJsonString(), "'e'" },
            { Without(rsa, "e").ToJsonString(), "'e'" },
            { With(EcP256Public, ("kid", "bad"), ("y", TestKeys.ToBase64Url(y))).ToJsonString(), "not on the curve" },
            { With(rsa, ("n", 12345)).ToJsonString(), "'n'" },
            { rsa.ToJsonString().Replace("\"kid\"", "\"e\":\"AQAB\",\"kid\""), "'e' more than once" },
        };
    }

    [Theory]
    [MemberData(nameof(UnusableKeys))]
    public void An_unusable_key_is_ignored_with_a_reason_and_the_good_keys_are_kept(string unusable, string reasonNames)
    {
        JwtKeySet set = JwtKeySet.FromJwks($$"""{"keys":[{{With(RsaA, ("kid", "good"))}},{{unusable}}]}""");

        Assert.Equal("good", Assert.Single(set.Keys).KeyId);
        IgnoredJsonWebKey ignored = Assert.Single(set.IgnoredKeys);
        Assert.Equal((1, "bad"), (ignored.Index, ignored.KeyId));
        Assert.Contains(reasonNames, ignored.Reason);

        // Alone in a set, the same key leaves nothing usable: an error that gives the same reason.
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{unusable}}]}"""));
        Assert.Contains("its only key was ignored", e.Message);
        Assert.Contains($"Key 0 ('kid' \"bad\"): {ignored.Reason}", e.Message);
    }

    [Fact]
    public void Elements_that_are_not_objects_and_kids_that_are_not_strings_are_ignored_without_a_kid()
    {
        JwtKeySet set = JwtKeySet.FromJwks($$"""{"keys":[1,[{"kid":"x"}],{{With(RsaA, ("kid", "good"))}},{{With(RsaB, ("kid", 7))}},null]}""");

        Assert.Equal("good", Assert.Single(set.Keys).KeyId);
        Assert.Equal([0, 1, 3, 4], set.IgnoredKeys.Select(k => k.Index));
        Assert.All(set.IgnoredKeys, k => Assert.Null(k.KeyId));
        Assert.Contains("not a JSON object", set.IgnoredKeys[0].Reason);
        Assert.Contains("'kid' must be a JSON string", set.IgnoredKeys[2].Reason);
    }

    [Fact]
    public void All_keys_unusable_is_an_error_that_counts_them_and_lists_each_reason()
    {
        string jwks = Jwks(
            With(RsaA, ("kid", "enc-1"), ("use", "enc")),
            new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = Ed25519X, ["kid"] = "ed-1" },
            new JsonObject { ["kty"] = "oct", ["k"] = TestKeys.ToBase64Url(TestKeys.Hmac256Secret) });

        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(jwks));
        Assert.Contains("all 3 of its keys were ignored", e.Message);
        Assert.Contains("Key 0 ('kid' \"enc-1\"): 'use' is \"enc\"", e.Message);
        Assert.Contains("Key 1 ('kid' \"ed-1\"): 'kty' is \"OKP\"", e.Message);
        Assert.Contains("Key 2: The oct JWK has no 'alg'", e.Message);
        Assert.DoesNotContain(TestKeys.ToBase64Url(TestKeys.Hmac256Secret)[..12], e.Message);

        // A list with no key that fits the set refuses it the same way.
        e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(Jwks(With(RsaA, ("kid", "r"))), [JwsAlgorithm.HS256]));
        Assert.Contains("its only key was ignored", e.Message);

        // An empty "keys" array is an empty set, as published; it is not a set whose keys were all ignored.
        Assert.Empty(JwtKeySet.FromJwks("""{"keys":[]}""").IgnoredKeys);
    }

    [Fact]
    public void Many_ignored_keys_are_read_in_one_pass_and_the_error_lists_only_the_first()
    {
        string garbage = string.Join(",", Enumerable.Repeat("""{"kty":"OKP","x":"AAAA","kid":"k"}""", 20_000));
        JwtKeySet set = JwtKeySet.FromJwks($$"""{"keys":[{{garbage}},{{With(RsaA, ("kid", "good"))}}]}""");
        Assert.Equal("good", Assert.Single(set.Keys).KeyId);
        Assert.Equal(20_000, set.IgnoredKeys.Count);
        Assert.Equal(19_999, set.IgnoredKeys[^1].Index);

        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{garbage}}]}"""));
        Assert.Contains("all 20000 of its keys were ignored", e.Message);
        Assert.Contains("19980 more not listed", e.Message);
        Assert.True(e.Message.Length < 4000, $"{e.Message.Length} characters");
    }

    [Fact]
    public void Set_rules_apply_to_the_usable_keys_only()
    {
        // Two usable keys with one kid: refused, naming both positions in the JWK Set.
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(Jwks(
            With(RsaB, ("kid", "x"), ("use", "enc")), With(RsaA, ("kid", "same")), With(EcP256Public, ("kid", "same")))));
        Assert.Contains("Keys 1 and 2 of the JWK Set have the 'kid' \"same\"", e.Message);

        // A usable key without kid beside others: refused; beside ignored keys only: the set's one key.
        e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(Jwks(With(RsaB, ("kid", "b")), RsaA)));
        Assert.Contains("Key 1 of the JWK Set has no 'kid'", e.Message);
        JwtKeySet single = JwtKeySet.FromJwks(Jwks(With(RsaB, ("use", "enc")), RsaA));
        Assert.True(single.TryResolve(default, hasKid: false, out _));

        // A published HMAC secret beside asymmetric keys still refuses the set; one without alg is ignored, and an
        // HMAC algorithm outside the caller's list makes it an ignored key too.
        string hmac = $$"""{"kty":"oct","alg":"HS256","kid":"h","k":"{{TestKeys.ToBase64Url(TestKeys.Hmac256Secret)}}"}""";
        Assert.Contains("mixes", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(Jwks(With(RsaA, ("kid", "r")), JsonNode.Parse(hmac)!.AsObject()))).Message);
        Assert.Single(JwtKeySet.FromJwks(Jwks(With(RsaA, ("kid", "r")), Without(JsonNode.Parse(hmac)!.AsObject(), "alg"))).IgnoredKeys);
        Assert.Single(JwtKeySet.FromJwks(Jwks(With(RsaA, ("kid", "r")), JsonNode.Parse(hmac)!.AsObject()), [JwsAlgorithm.RS256]).IgnoredKeys);
    }

    [Fact]
    public void Document_errors_still_refuse_the_set()
    {
        string good = With(RsaA, ("kid", "good")).ToJsonString();
        Assert.Contains("well-formed", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{good}},{"kty":"RSA",}]}""")).Message);
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{good}},{"kty":"RSA"}"""));
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{good}}]} []"""));
        Assert.Contains("\"keys\" member", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"kees":[{{good}}]}""")).Message);
        Assert.Contains("JSON array", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":{{good}}}""")).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{good}}],"keys":[]}""")).Message);

        // A lone surrogate makes the document something no UTF-8 text can be, wherever it is.
        Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{good}},{"kty":"OKP","kid":"\udfaa"}]}"""));
    }

    [Fact]
    public void Attacker_style_names_and_kids_are_escaped_and_capped_in_every_message()
    {
        string evil = "x\r\nFAKE LOG LINE \"quoted\" \\ " + new string('A', 500);
        string evilJson = System.Text.Json.JsonSerializer.Serialize(evil); // a JSON string literal, with \r\n escaped
        string good = With(RsaA, ("kid", "good")).ToJsonString();
        string repeatedMember = $$"""{"kty":"RSA","kid":"dup",{{evilJson}}:1,{{evilJson}}:2}""";

        // A repeated member name inside a key: the reason quotes it escaped and cut.
        JwtKeySet set = JwtKeySet.FromJwks($$"""{"keys":[{{good}},{{repeatedMember}}]}""");
        AssertEscapedAndCapped(Assert.Single(set.IgnoredKeys).Reason);

        // An ignored key's kid: KeyId is the issuer's text as read, ToString and the error escape and cut it.
        string evilKid = With(RsaA, ("kid", evil), ("use", "enc")).ToJsonString();
        set = JwtKeySet.FromJwks($$"""{"keys":[{{good}},{{evilKid}}]}""");
        Assert.Equal(evil, set.IgnoredKeys[0].KeyId);
        AssertEscapedAndCapped(set.IgnoredKeys[0].ToString());
        AssertEscapedAndCapped(Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{evilKid}},{{repeatedMember}}]}""")).Message);

        // The set rules, the set's own members and a single JWK quote names the same way.
        string sameKid = With(RsaA, ("kid", evil)).ToJsonString(), sameKidToo = With(EcP256Public, ("kid", evil)).ToJsonString();
        AssertEscapedAndCapped(Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{sameKid}},{{sameKidToo}}]}""")).Message);
        AssertEscapedAndCapped(Assert.Throws<ArgumentException>(() => new JwtKeySet([TestKeys.Load(TestKeys.RsaPublicJwk, "RS256", evil), TestKeys.Load(TestKeys.EcP256PrivateJwk, "ES256", evil)])).Message);
        AssertEscapedAndCapped(Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks($$"""{"keys":[{{good}}],{{evilJson}}:1,{{evilJson}}:2}""")).Message);
        AssertEscapedAndCapped(Assert.Throws<ArgumentException>(() => JwtSigningKey.FromJwk(repeatedMember)).Message);
        AssertEscapedAndCapped(Assert.Throws<ArgumentException>(() => JwtEncryptionKey.FromJwk(repeatedMember, JweEncryption.A128GCM)).Message);
    }

    private static void AssertEscapedAndCapped(string message)
    {
        Assert.DoesNotContain('\r', message);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("x\\u000d\\u000aFAKE LOG LINE \\u0022quoted\\u0022 \\u005c AAAA", message);
        Assert.Contains("AAA...", message);
        Assert.DoesNotContain(new string('A', 64), message);
    }

    private static string Jwks(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.DeepClone())]) }.ToJsonString();

    private static JsonObject With(JsonObject jwk, params (string Member, JsonNode? Value)[] members)
    {
        JsonObject copy = jwk.DeepClone().AsObject();
        foreach ((string member, JsonNode? value) in members)
        {
            copy[member] = value?.DeepClone();
        }

        return copy;
    }

    private static JsonObject Without(JsonObject jwk, string member)
    {
        JsonObject copy = jwk.DeepClone().AsObject();
        copy.Remove(member);
        return copy;
    }
}
