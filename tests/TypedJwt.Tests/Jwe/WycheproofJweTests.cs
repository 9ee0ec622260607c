using System.Text;
using System.Text.Json;
using TypedJwt.Tests.Keys;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Jwe;

/// <summary>
/// Wycheproof json_web_encryption_test.json, all 139 cases. A case whose algorithms TypedJwt implements must match its label
/// (and a valid one must decrypt to <c>pt</c>); a case naming an algorithm TypedJwt does not implement (RSA1_5, A192*, A*GCMKW,
/// PBES2) must be refused with the specific unsupported-algorithm error, whatever its label.
/// One deliberate deviation: tcId 135 (<c>zip: DEF</c>, labelled valid) is refused with CompressionRejected (RFC 8725 §3.6).
/// </summary>
public class WycheproofJweTests
{
    private static readonly JwtEncryptionKey FallbackKey = JweTestKit.KeyFor(JweAlgorithm.A128KW, JweEncryption.A128GCM, keyId: null);

    [Fact]
    public void Every_case_matches_its_label_or_is_refused_as_unsupported()
    {
        using JsonDocument file = VectorFiles.Load(VectorFiles.Wycheproof("json_web_encryption_test.json"));
        var results = new WycheproofResults();
        int decrypted = 0, unsupported = 0, compressed = 0;
        foreach (JsonElement group in file.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            string jwk = group.GetProperty("private").GetRawText();
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                int tcId = test.GetProperty("tcId").GetInt32();
                string token = test.GetProperty("jwe").GetString()!;
                bool valid = test.GetProperty("result").GetString() == "valid";
                byte[] expected = test.TryGetProperty("pt", out JsonElement pt) ? Convert.FromHexString(pt.GetString()!) : [];
                (string? alg, string? enc, bool zip) = HeaderOf(token);

                bool algorithmSupported = alg is not null && JweAlgorithmNames.TryParse(Encoding.UTF8.GetBytes(alg), out JweAlgorithm _);
                bool encryptionSupported = enc is not null && JweAlgorithmNames.TryParse(Encoding.UTF8.GetBytes(enc), out JweEncryption _);
                if (token.Count(c => c == '.') != 4)
                {
                    // Structure is checked before the header: a token that is not five segments is malformed, whatever its alg.
                    results.Expect(tcId, valid, actual: Decrypt(FallbackKey, token, out _).Code != JwtErrorCode.MalformedToken, " (not five segments)");
                    continue;
                }

                if (alg is not null && enc is not null && (!algorithmSupported || !encryptionSupported))
                {
                    // Refused from the header alone, before any key is consulted: the same error with any key.
                    JwtErrorCode expectedCode = algorithmSupported ? JwtErrorCode.UnsupportedEncryption : JwtErrorCode.UnsupportedAlgorithm;
                    JwtError error = Decrypt(FallbackKey, token, out _);
                    results.Expect(tcId, expected: true, actual: error.Code == expectedCode, $" ({alg}/{enc}: {error.Code})");
                    unsupported++;
                    continue;
                }

                if (zip)
                {
                    JwtError error = Decrypt(FallbackKey, token, out _);
                    results.Expect(tcId, expected: true, actual: error.Code == JwtErrorCode.CompressionRejected, $" (zip: {error.Code})");
                    compressed++;
                    continue;
                }

                JweEncryption keyEncryption = enc is not null && JweAlgorithmNames.TryParse(Encoding.UTF8.GetBytes(enc), out JweEncryption parsed)
                    ? parsed
                    : JweEncryption.A128GCM;
                JwtEncryptionKey key;
                try
                {
                    key = JwtEncryptionKey.FromJwk(jwk, keyEncryption);
                }
                catch (ArgumentException e)
                {
                    // The group's key is refused (its 'alg' is not implemented, e.g. a GCMKW key used with an A*KW token).
                    results.Expect(tcId, valid, actual: false, $" (key refused: {e.Message})");
                    continue;
                }

                JwtError result = Decrypt(key, token, out byte[]? plaintext);
                bool accepted = result.IsNone && plaintext!.AsSpan().SequenceEqual(expected);
                decrypted += accepted ? 1 : 0;
                results.Expect(tcId, valid, accepted, $" ({result.Code})");
            }
        }

        results.AssertAllPassed("json_web_encryption_test.json", minimumChecked: 139);
        Assert.Equal(139, results.Checked);
        Assert.Equal((37, 55, 1), (decrypted, unsupported, compressed));
    }

    private static JwtError Decrypt(JwtEncryptionKey key, string token, out byte[]? plaintext)
    {
        var reader = new JweTokenReader(new JwtEncryptionKeySet(key), JweTestKit.Policy(), TokenTypeRequirement.None, nested: false, authenticatesSender: false);
        byte[] bytes = Encoding.ASCII.GetBytes(token);
        byte[] scratch = new byte[JweTokenReader.GetScratchLength(bytes.Length)];
        JwtError error = reader.Decrypt(bytes, scratch, out Range range);
        plaintext = error.IsNone ? scratch[range] : null;
        return error;
    }

    private static (string? Alg, string? Enc, bool Zip) HeaderOf(string token)
    {
        try
        {
            string segment = token.Split('.')[0].Replace('-', '+').Replace('_', '/');
            using JsonDocument header = JsonDocument.Parse(Convert.FromBase64String(segment + new string('=', (4 - (segment.Length % 4)) % 4)));
            JsonElement root = header.RootElement;
            return (
                root.TryGetProperty("alg", out JsonElement alg) ? alg.GetString() : null,
                root.TryGetProperty("enc", out JsonElement enc) ? enc.GetString() : null,
                root.TryGetProperty("zip", out _));
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return (null, null, false);
        }
    }
}
