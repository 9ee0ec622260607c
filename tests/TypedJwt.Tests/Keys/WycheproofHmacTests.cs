using System.Text.Json;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Keys;

/// <summary>HS256/384/512 against Wycheproof's MAC vectors, using only groups whose tag is the full hash (JWS never truncates).</summary>
public class WycheproofHmacTests
{
    [Theory]
    [InlineData("hmac_sha256_test.json", JwsAlgorithm.HS256, 256)]
    [InlineData("hmac_sha384_test.json", JwsAlgorithm.HS384, 384)]
    [InlineData("hmac_sha512_test.json", JwsAlgorithm.HS512, 512)]
    public void Every_full_length_tag_case_matches_its_label(string file, JwsAlgorithm algorithm, int hashBits)
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof(file));
        var results = new WycheproofResults();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            if (group.GetProperty("tagSize").GetInt32() != hashBits)
            {
                continue;
            }

            bool keyTooShort = group.GetProperty("keySize").GetInt32() < hashBits;
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                int tcId = test.GetProperty("tcId").GetInt32();
                byte[] key = Convert.FromHexString(test.GetProperty("key").GetString()!);
                byte[] message = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] tag = Convert.FromHexString(test.GetProperty("tag").GetString()!);
                bool valid = test.GetProperty("result").GetString() == "valid";

                if (keyTooShort)
                {
                    // RFC 7518 §3.2: keys shorter than the hash are refused when the key is made, so these cases never reach
                    // verification; what is checked is the refusal itself.
                    results.Expect(tcId, expected: false, actual: TryCreate(algorithm, key) is not null, " (short key must be refused)");
                    continue;
                }

                JwtSigningKey hmac = JwtSigningKey.CreateHmac(algorithm, key);
                results.Expect(tcId, valid, hmac.Verify(message, tag));
                if (valid)
                {
                    byte[] signature = new byte[hmac.SignatureSize];
                    results.Expect(tcId, true, hmac.TrySign(message, signature, out int written) && signature.AsSpan(0, written).SequenceEqual(tag), " (signing)");
                }
            }
        }

        results.AssertAllPassed(file, minimumChecked: 87);
    }

    private static JwtSigningKey? TryCreate(JwsAlgorithm algorithm, byte[] key)
    {
        try
        {
            return JwtSigningKey.CreateHmac(algorithm, key);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
