using System.Text;
using System.Text.Json;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// Wycheproof's JWK / JWK Set policy cases (json_web_key_test.json): a key set that TypedJwt refuses makes the case
/// "invalid"; a set that loads must verify the case's JWS exactly when it is labelled "valid". The JWS is checked here
/// with a minimal compact-serialization split, since the token reader is tested elsewhere.
/// There are no expected deviations: all 26 labels are met, each for the reason the case was written for
/// (tcId 4's second key is also refused for its non-canonical 'k', before the duplicate kid is seen).
/// </summary>
public class WycheproofJsonWebKeyTests
{
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
                results.Expect(tcId, valid, accepted, keys is null ? " (key set refused)" : " (key set loaded)");
            }
        }

        results.AssertAllPassed("json_web_key_test.json", minimumChecked: 26);
    }

    [Fact]
    public void Roca_key_set_is_refused_for_its_fingerprint()
    {
        // tcId 7's key is a 2049-bit modulus with a valid RS256 signature: only the ROCA check stands between it and "valid".
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof("json_web_key_test.json"));
        JsonElement group = document.RootElement.GetProperty("testGroups").EnumerateArray()
            .Single(g => g.GetProperty("tests").EnumerateArray().Any(t => t.GetProperty("tcId").GetInt32() == 7));

        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtKeySet.FromJwks(group.GetProperty("public").GetRawText()));
        Assert.Contains("ROCA", e.Message);
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
