using System.Text.Json;
using TypedJwt.Tests.Support;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// Every case of Wycheproof's json_web_signature_test.json, verified through the public validator. A case counts as
/// accepted when structure, header, key selection and signature all pass (its payloads are not JWT claims sets, so
/// what the validator says about the payload afterwards is not part of the verdict).
/// </summary>
public class WycheproofJwsTests
{
    // Labels a strict verifier contradicts (see shared/vectors/wycheproof/README.md); each is asserted to deviate.
    private static readonly Dictionary<int, string> ExpectedDeviations = new()
    {
        [346] = "the JWK is bound to PS256 and the token says PS384: one key, one algorithm (RFC 8725 §3.1), as tcId 338/340",
        [350] = "the JWK is bound to PS256 and the token says PS384: one key, one algorithm (RFC 8725 §3.1), as tcId 338/340",
        [347] = "the JWK says alg \"ES521\", which is not a registered algorithm, so the key is refused",
        [351] = "the JWK says alg \"ES521\", which is not a registered algorithm, so the key is refused",
        [367] = "byte-identical to the valid tcId 357 (C2SP/wycheproof#236), so it verifies",
        [370] = "byte-identical to the valid tcId 357 (C2SP/wycheproof#236), so it verifies",
        [372] = "a '?' inside a base64url segment is not base64url; strict decoding rejects the token",
        [373] = "a '?' inside a base64url segment is not base64url; strict decoding rejects the token",
    };

    private static readonly JwtValidationPolicy SignatureOnly = new()
    {
        SkipIssuerValidation = true,
        SkipAudienceValidation = true,
        RequireExpirationTime = false,
    };

    [Fact]
    public void Every_case_matches_its_label_or_a_documented_deviation()
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof("json_web_signature_test.json"));
        var mismatches = new List<string>();
        var deviationsSeen = new List<int>();
        int cases = 0;
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            JsonElement jwk = group.TryGetProperty("public", out JsonElement publicKey) ? publicKey : group.GetProperty("private");
            JwtValidator<AnyClaims>? validator = TryCreateValidator(jwk.GetRawText());
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                cases++;
                int id = test.GetProperty("tcId").GetInt32();
                bool expected = test.GetProperty("result").GetString() == "valid";
                JwtError error = validator?.Validate(test.GetProperty("jws").GetString()) ?? JwtError.Create(JwtErrorCode.KeyNotFound);
                bool accepted = SignatureAccepted(error);
                if (ExpectedDeviations.ContainsKey(id))
                {
                    deviationsSeen.Add(id);
                    if (accepted == expected)
                    {
                        mismatches.Add($"tcId {id}: expected to deviate from its label ({ExpectedDeviations[id]}) but matched it");
                    }
                }
                else if (accepted != expected)
                {
                    mismatches.Add($"tcId {id} ({test.GetProperty("comment").GetString()}): label {(expected ? "valid" : "invalid")}, got {error.Code}");
                }
            }
        }

        Assert.Equal(401, cases);
        Assert.Equal(ExpectedDeviations.Keys.Order(), deviationsSeen.Order());
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    // The payload is decoded before the signature is checked, so a payload that is not base64url is a rejection;
    // what is said about the decoded payload's JSON or claims comes only after the signature passed.
    internal static bool SignatureAccepted(JwtError error) =>
        error.IsNone
        || (int)error.Code >= (int)JwtErrorCode.MissingClaim
        || (error.Name == "payload" && error.Code != JwtErrorCode.InvalidBase64Url);

    private static JwtValidator<AnyClaims>? TryCreateValidator(string jwk)
    {
        try
        {
            return new JwtValidator<AnyClaims>(JwtSigningKey.FromJwk(jwk), SignatureOnly);
        }
        catch (ArgumentException)
        {
            // The key itself is refused (no alg, use=enc, unknown alg, ...): every token for it is rejected.
            return null;
        }
    }
}
