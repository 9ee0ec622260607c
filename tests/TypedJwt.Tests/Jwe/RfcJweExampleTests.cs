using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TypedJwt.Tests.Jws;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Jwe;

/// <summary>
/// The JWE examples of RFC 7516 Appendix A, RFC 7519 A.1/A.2 and RFC 7520 §5. Examples whose algorithms TypedJwt implements
/// must decrypt to the published plaintext; the others must be refused as unsupported: RSA1_5 (deliberately not implemented,
/// RFC 8725 §3.2: Bleichenbacher), PBES2, A*GCMKW; RFC 7520 §5.9 is refused for its
/// <c>zip</c> (RFC 8725 §3.6). The RFC JWKs mostly carry no <c>alg</c>; TypedJwt binds every key, so the example's
/// <c>alg</c> is added to the key here.
/// </summary>
public class RfcJweExampleTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in new[] { "rfc7516_appendixA.json", "rfc7519_examples.json", "rfc7520_cookbook_compact.json" })
        {
            using JsonDocument document = VectorFiles.Load(VectorFiles.Rfc(file));
            foreach (JsonElement example in document.RootElement.GetProperty("cases").EnumerateArray())
            {
                if (example.TryGetProperty("enc", out _) && example.GetProperty("serialization").GetString() == "compact")
                {
                    data.Add(file, example.GetProperty("id").GetString()!);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Example_decrypts_or_is_refused_as_unsupported(string file, string id)
    {
        JsonObject example = Load(file, id);
        string alg = (string)example["alg"]!;
        string enc = (string)example["enc"]!;
        string token = (string)example["token"]!;
        bool encryptionSupported = JweAlgorithmNames.TryParse(Encoding.UTF8.GetBytes(enc), out JweEncryption encryption);
        bool supported = JweAlgorithmNames.TryParse(Encoding.UTF8.GetBytes(alg), out JweAlgorithm _) && encryptionSupported;
        bool compressed = example["expected"]?["header"]?["zip"] is not null;
        JwtEncryptionKey fallback = JweTestKit.KeyFor(JweAlgorithm.A128KW, JweEncryption.A128GCM, keyId: null);

        if (!supported)
        {
            Assert.Equal(JwtError.Create(JwtErrorCode.UnsupportedAlgorithm, "alg"), Decrypt(fallback, token, out _));
            return;
        }

        JwtEncryptionKey key = KeyOf(example, alg, encryption);
        if (compressed)
        {
            Assert.Equal(JwtError.Create(JwtErrorCode.CompressionRejected, "zip"), Decrypt(key, token, out _));
            return;
        }

        Assert.Equal(JwtError.None, Decrypt(key, token, out byte[]? plaintext));
        Assert.Equal((string)example["expected"]!["plaintext_utf8"]!, Encoding.UTF8.GetString(plaintext!));
    }

    [Fact]
    public void Supported_examples_are_the_expected_ones()
    {
        string[] decrypting = Cases()
            .Select(row => ((string)row[0], (string)row[1]))
            .Where(c =>
            {
                JsonObject example = Load(c.Item1, c.Item2);
                return JweAlgorithmNames.TryParse(Encoding.UTF8.GetBytes((string)example["alg"]!), out JweAlgorithm _)
                    && example["expected"]?["header"]?["zip"] is null;
            })
            .Select(c => c.Item2)
            .ToArray();

        Assert.Equal(["rfc7516-A.1", "rfc7516-A.3", "rfc7520-5.2", "rfc7520-5.4", "rfc7520-5.5", "rfc7520-5.6", "rfc7520-5.8"], decrypting);
    }

    // RFC 7516 A.1 (GCM) and A.3 (CBC-HMAC, AES Key Wrap) are deterministic given CEK and IV: encryption must reproduce them.
    [Theory]
    [InlineData("rfc7516-A.1")]
    [InlineData("rfc7516-A.3")]
    public void Content_encryption_reproduces_the_example(string id)
    {
        JsonNode expected = Load("rfc7516_appendixA.json", id)["expected"]!;
        JweAlgorithmNames.TryParse(Encoding.UTF8.GetBytes((string)Load("rfc7516_appendixA.json", id)["enc"]!), out JweEncryption encryption);
        byte[] cek = Decode(expected["cek_b64"]), iv = Decode(expected["iv_b64"]);
        byte[] plaintext = Encoding.UTF8.GetBytes((string)expected["plaintext_utf8"]!);
        byte[] aad = Encoding.ASCII.GetBytes((string)expected["aad_ascii"]!);
        byte[] ciphertext = new byte[JweContentCipher.GetCiphertextLength(encryption, plaintext.Length)];
        byte[] tag = new byte[Decode(expected["tag_b64"]).Length];

        JweContentCipher.Encrypt(encryption, cek, iv, aad, plaintext, ciphertext, tag);

        Assert.Equal((string)expected["ciphertext_b64"]!, JweTestKit.Base64Url(ciphertext));
        Assert.Equal((string)expected["tag_b64"]!, JweTestKit.Base64Url(tag));
    }

    [Fact]
    public void Aes_key_wrap_reproduces_rfc7516_a3()
    {
        JsonObject example = Load("rfc7516_appendixA.json", "rfc7516-A.3");
        byte[] kek = Decode(example["key"]!["k"]);
        byte[] cek = Decode(example["expected"]!["cek_b64"]);
        byte[] wrapped = new byte[cek.Length + 8];

        AesKeyWrap.Wrap(kek, cek, wrapped);

        Assert.Equal((string)example["expected"]!["encrypted_key_b64"]!, JweTestKit.Base64Url(wrapped));
    }

    [Fact]
    public void Rfc7519_nested_example_is_refused_for_its_rsa1_5_outer_layer()
    {
        JsonObject example = Load("rfc7519_examples.json", "rfc7519-A.2");
        var validator = new NestedJwtValidator<Support.AnyClaims>(
            JweTestKit.KeyFor(JweAlgorithm.RsaOaep, JweEncryption.A128CbcHS256), new JwtKeySet(ValidatorTestKit.Key), JweTestKit.Policy());

        Assert.Equal(JwtError.Create(JwtErrorCode.UnsupportedAlgorithm, "alg"), validator.Validate(((string)example["token"]!).AsSpan()));
    }

    private static JwtEncryptionKey KeyOf(JsonObject example, string alg, JweEncryption encryption)
    {
        var jwk = (JsonObject)example["key"]!.DeepClone();
        jwk["alg"] ??= alg;
        return JwtEncryptionKey.FromJwk(jwk.ToJsonString(), encryption);
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

    private static byte[] Decode(JsonNode? node)
    {
        string text = ((string)node!).Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text + new string('=', (4 - (text.Length % 4)) % 4));
    }

    private static JsonObject Load(string file, string id)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(VectorFiles.Rfc(file)))!;
        return root["cases"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string)c["id"]! == id);
    }
}
