using System.Text.Json;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Keys;

/// <summary>RS* (PKCS#1 v1.5) and PS* (PSS, salt = hash length) verification against Wycheproof, keys read from the files' JWKs.</summary>
public class WycheproofRsaTests
{
    [Theory]
    [InlineData("rsa_signature_2048_sha256_test.json", 259)]
    [InlineData("rsa_signature_2048_sha384_test.json", 258)]
    [InlineData("rsa_signature_2048_sha512_test.json", 259)]
    [InlineData("rsa_signature_3072_sha256_test.json", 259)]
    [InlineData("rsa_signature_3072_sha384_test.json", 259)]
    [InlineData("rsa_signature_3072_sha512_test.json", 260)]
    [InlineData("rsa_signature_4096_sha256_test.json", 258)]
    [InlineData("rsa_signature_4096_sha384_test.json", 259)]
    [InlineData("rsa_signature_4096_sha512_test.json", 259)]
    public void Pkcs1_cases_match_their_labels(string file, int cases) => Run(file, "keyJwk", cases);

    [Theory]
    [InlineData("rsa_pss_2048_sha256_mgf1_32_test.json", 108)]
    [InlineData("rsa_pss_2048_sha384_mgf1_48_test.json", 141)]
    [InlineData("rsa_pss_3072_sha256_mgf1_32_test.json", 108)]
    [InlineData("rsa_pss_4096_sha256_mgf1_32_test.json", 108)]
    [InlineData("rsa_pss_4096_sha384_mgf1_48_test.json", 141)]
    [InlineData("rsa_pss_4096_sha512_mgf1_64_test.json", 179)]
    public void Pss_cases_match_their_labels(string file, int cases) => Run(file, "publicKeyJwk", cases);

    private static void Run(string file, string jwkMember, int cases)
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof(file));
        var results = new WycheproofResults();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            // The JWKs carry "alg" (RSnnn / PSnnn), so they go through the JWK reader unchanged.
            JwtSigningKey key = JwtSigningKey.FromJwk(group.GetProperty(jwkMember).GetRawText());
            Assert.False(key.CanSign);
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] message = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] signature = Convert.FromHexString(test.GetProperty("sig").GetString()!);
                string result = test.GetProperty("result").GetString()!;

                // "acceptable" here is only MissingNull (a DigestInfo without the NULL parameters). The BCL, like
                // RFC 8017 §9.2 which fixes the encoding with NULL, rejects it; TypedJwt keeps that stricter
                // behaviour, and the test pins it so a platform change that starts accepting it is noticed.
                bool expected = result == "valid";
                results.Expect(test.GetProperty("tcId").GetInt32(), expected, key.Verify(message, signature), result == "acceptable" ? " (acceptable: pinned to reject)" : "");
            }
        }

        results.AssertAllPassed(file, cases);
    }
}
