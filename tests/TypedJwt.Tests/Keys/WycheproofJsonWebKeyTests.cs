using System.Text;
using System.Text.Json;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// Wycheproof's JWK / JWK Set policy cases (json_web_key_test.json): a key set that TypedJwt refuses makes the case
/// "invalid"; a set that loads must verify the case's JWS exactly when it is labelled "valid". The JWS is checked here
/// with a minimal compact-serialization split, since the token reader is tested elsewhere.
/// A set reader ignores the keys it cannot use (RFC 7517 §5), so a one-key set is refused because nothing usable is left.
/// One deliberate deviation: tcId 4 (jws_duplicate_kid, "rejectsDuplicateKid") gives two HS256 keys one kid, but its
/// second key's 'k' is not strict base64url (non-zero unused bits), so TypedJwt ignores that key and the set holds one key
/// under that kid, which verifies the case's JWS. No ambiguity is left for TypedJwt: only that key can verify a token with
/// the kid. The rule the case was written for is proven on its own keys in <see cref="Duplicate_kid_case"/>.
/// </summary>
public class WycheproofJsonWebKeyTests
{
    // tcId -> why TypedJwt's result differs from the label on purpose.
    private static readonly Dictionary<int, string> Deviations = new()
    {
        [4] = "the second key is ignored for its non-canonical 'k', so no duplicate kid is left among the usable keys",
    };

    [Fact]
    public void Every_case_matches_its_label()
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof("json_web_key_test.json"));
        var results = new WycheproofResults();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            JsonElement keySet = group.TryGetProperty("public", out JsonElement publicSet) ? publicSet : group.GetProperty("private");
            JwtKeySet? keys = TryLoad(keySet.GetRawText());

            // The private set must meet the same policy as the public one it corresponds to.
            bool privateLoads = TryLoad(group.GetProperty("private").GetRawText()) is not null;
            Assert.True(privateLoads == keys is not null, $"{group.GetProperty("comment")}: private and public sets disagree.");
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                int tcId = test.GetProperty("tcId").GetInt32();
                bool valid = test.GetProperty("result").GetString() == "valid";
                bool accepted = keys is not null && VerifyCompact(keys, test.GetProperty("jws").GetString()!);
                bool deviates = Deviations.TryGetValue(tcId, out string? why);
                results.Expect(tcId, deviates ? !valid : valid, accepted, (keys is null ? " (key set refused)" : " (key set loaded)") + (deviates ? $" (deviation: {why})" : ""));
            }
        }

        results.AssertAllPassed("json_web_key_test.json", minimumChecked: 26);
    }

    [Fact]
    public void Roca_key_set_is_refused_for_its_fingerprint()
    {
        // tcId 7's key is a 2049-bit modulus with a valid RS256 signature: only the ROCA check stands between it and "valid".
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(Group(tcId: 7).GetProperty("public").GetRawText()));
        Assert.Contains("ROCA", e.Message);
    }

    [Fact]
    public void Duplicate_kid_case()
    {
        JsonElement group = Group(tcId: 4);
        string jwks = group.GetProperty("private").GetRawText();
        string jws = group.GetProperty("tests")[0].GetProperty("jws").GetString()!;

        // As published: the second key is ignored for its 'k', and the first verifies the JWS (the deviation).
        JwtKeySet set = JwtKeySet.FromJwks(jwks);
        Assert.Equal("kid-aes-sign", Assert.Single(set.Keys).KeyId);
        IgnoredJsonWebKey ignored = Assert.Single(set.IgnoredKeys);
        Assert.Equal((1, "kid-aes-sign"), (ignored.Index, ignored.KeyId));
        Assert.Contains("'k' is not strict base64url", ignored.Reason);
        Assert.True(VerifyCompact(set, jws));

        // With the unused bits of that 'k' cleared, both keys are usable, and the set is refused for the duplicate kid.
        const string NonCanonical = "-xxuDNsVZ2iJtos-akfXTSCt4UO2cruLCsbWlBingge";
        Assert.Contains(NonCanonical, jwks);
        string canonical = jwks.Replace(NonCanonical, NonCanonical[..^1] + "c");
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(canonical));
        Assert.Contains("Keys 0 and 1 of the JWK Set have the 'kid' \"kid-aes-sign\"", e.Message);
    }

    private static JsonElement Group(int tcId)
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof("json_web_key_test.json"));
        return document.RootElement.GetProperty("testGroups").EnumerateArray()
            .Single(g => g.GetProperty("tests").EnumerateArray().Any(t => t.GetProperty("tcId").GetInt32() == tcId))
            .Clone();
    }

    private static JwtKeySet? TryLoad(string jwks)
    {
        try
        {
            return JwtKeySet.FromJwks(jwks);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Just enough JWS Compact Serialization (RFC 7515 §7.1) to check a signature with a key chosen by the set.</summary>
    internal static bool VerifyCompact(JwtKeySet keys, string jws)
    {
        string[] parts = jws.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        byte[] header;
        byte[] signature;
        try
        {
            header = TestKeys.FromBase64Url(parts[0]);
            signature = TestKeys.FromBase64Url(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        using JsonDocument headerJson = JsonDocument.Parse(header);
        if (!headerJson.RootElement.TryGetProperty("alg", out JsonElement alg)
            || !JwsAlgorithmNames.TryParse(Encoding.UTF8.GetBytes(alg.GetString()!), out JwsAlgorithm algorithm))
        {
            return false;
        }

        bool hasKid = headerJson.RootElement.TryGetProperty("kid", out JsonElement kid);
        byte[] kidUtf8 = hasKid ? Encoding.UTF8.GetBytes(kid.GetString()!) : [];
        if (!keys.TryResolve(kidUtf8, hasKid, out JwtSigningKey? key) || key.Algorithm != algorithm)
        {
            return false;
        }

        return key.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
    }
}
