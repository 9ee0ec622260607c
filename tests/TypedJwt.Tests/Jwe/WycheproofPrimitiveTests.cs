using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using TypedJwt.Tests.Keys;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Jwe;

/// <summary>The JWE building blocks against Wycheproof's primitive files: AES Key Wrap, AES-GCM, AES-CBC (under the JWE HMAC) and RSA-OAEP.</summary>
public class WycheproofPrimitiveTests
{
    [Theory]
    [InlineData(128, 42)]
    [InlineData(256, 68)]
    public void Aes_key_wrap(int keySize, int count)
    {
        var results = new WycheproofResults();
        foreach ((JsonElement group, JsonElement test) in Cases("aes_wrap_test.json", g => g.GetProperty("keySize").GetInt32() == keySize))
        {
            int tcId = test.GetProperty("tcId").GetInt32();
            string result = test.GetProperty("result").GetString()!;
            byte[] key = Hex(test, "key"), msg = Hex(test, "msg"), ct = Hex(test, "ct");
            byte[] unwrapped = new byte[Math.Max(0, ct.Length - 8)];
            bool ok = AesKeyWrap.TryUnwrap(key, ct, unwrapped) && unwrapped.AsSpan().SequenceEqual(msg);
            if (result == "acceptable")
            {
                continue;
            }

            if (result == "valid")
            {
                byte[] wrapped = new byte[msg.Length + 8];
                AesKeyWrap.Wrap(key, msg, wrapped);
                ok &= wrapped.AsSpan().SequenceEqual(ct);
            }

            results.Expect(tcId, result == "valid", ok);
        }

        results.AssertAllPassed($"aes_wrap_test.json keySize {keySize}", count - 1);
    }

    [Theory]
    [InlineData(128, 67)]
    [InlineData(256, 66)]
    public void Aes_gcm(int keySize, int count)
    {
        JweEncryption encryption = keySize == 128 ? JweEncryption.A128GCM : JweEncryption.A256GCM;
        var results = new WycheproofResults();
        foreach ((JsonElement group, JsonElement test) in Cases("aes_gcm_test.json", g =>
            g.GetProperty("keySize").GetInt32() == keySize && g.GetProperty("ivSize").GetInt32() == 96 && g.GetProperty("tagSize").GetInt32() == 128))
        {
            int tcId = test.GetProperty("tcId").GetInt32();
            bool valid = test.GetProperty("result").GetString() == "valid";
            byte[] key = Hex(test, "key"), iv = Hex(test, "iv"), aad = Hex(test, "aad"), msg = Hex(test, "msg"), ct = Hex(test, "ct"), tag = Hex(test, "tag");
            byte[] plaintext = new byte[ct.Length];
            bool ok = JweContentCipher.TryDecrypt(encryption, key, iv, aad, ct, tag, plaintext, out int length)
                && plaintext.AsSpan(0, length).SequenceEqual(msg);
            if (valid)
            {
                byte[] ciphertext = new byte[msg.Length], computedTag = new byte[16];
                JweContentCipher.Encrypt(encryption, key, iv, aad, msg, ciphertext, computedTag);
                ok &= ciphertext.AsSpan().SequenceEqual(ct) && computedTag.AsSpan().SequenceEqual(tag);
            }

            results.Expect(tcId, valid, ok);
        }

        results.AssertAllPassed($"aes_gcm_test.json keySize {keySize}", count);
    }

    // The CBC half of A128CBC-HS256 / A256CBC-HS512: the HMAC is computed here with a random MAC key, so every case reaches
    // the CBC step; bad padding must then fail like a bad tag (false), and valid cases must decrypt and re-encrypt exactly.
    [Theory]
    [InlineData(128, 72)]
    [InlineData(256, 72)]
    public void Aes_cbc_under_the_jwe_hmac(int keySize, int count)
    {
        JweEncryption encryption = keySize == 128 ? JweEncryption.A128CbcHS256 : JweEncryption.A256CbcHS512;
        var results = new WycheproofResults();
        foreach ((JsonElement group, JsonElement test) in Cases("aes_cbc_pkcs5_test.json", g => g.GetProperty("keySize").GetInt32() == keySize))
        {
            int tcId = test.GetProperty("tcId").GetInt32();
            bool valid = test.GetProperty("result").GetString() == "valid";
            byte[] key = Hex(test, "key"), iv = Hex(test, "iv"), msg = Hex(test, "msg"), ct = Hex(test, "ct");
            byte[] macKey = RandomNumberGenerator.GetBytes(key.Length);
            byte[] cek = [.. macKey, .. key];
            byte[] aad = "eyJhbGciOiJkaXIifQ"u8.ToArray();
            byte[] tag = CbcHmacTag(encryption, macKey, aad, iv, ct);
            byte[] plaintext = new byte[ct.Length];
            bool ok = JweContentCipher.TryDecrypt(encryption, cek, iv, aad, ct, tag, plaintext, out int length)
                && plaintext.AsSpan(0, length).SequenceEqual(msg);
            if (valid)
            {
                byte[] ciphertext = new byte[JweContentCipher.GetCiphertextLength(encryption, msg.Length)], computedTag = new byte[tag.Length];
                JweContentCipher.Encrypt(encryption, cek, iv, aad, msg, ciphertext, computedTag);
                ok &= ciphertext.AsSpan().SequenceEqual(ct) && computedTag.AsSpan().SequenceEqual(tag);
            }

            results.Expect(tcId, valid, ok);
        }

        results.AssertAllPassed($"aes_cbc_pkcs5_test.json keySize {keySize}", count);
    }

    [Theory]
    [InlineData("rsa_oaep_2048_sha1_mgf1sha1_test.json")]
    [InlineData("rsa_oaep_2048_sha256_mgf1sha256_test.json")]
    [InlineData("rsa_oaep_3072_sha256_mgf1sha256_test.json")]
    [InlineData("rsa_oaep_4096_sha256_mgf1sha256_test.json")]
    public void Rsa_oaep_key_recovery(string file)
    {
        var results = new WycheproofResults();
        foreach ((JsonElement group, JsonElement test) in Cases(file, _ => true))
        {
            if (test.GetProperty("label").GetString() != "")
            {
                continue;
            }

            int tcId = test.GetProperty("tcId").GetInt32();
            bool valid = test.GetProperty("result").GetString() == "valid";
            byte[] msg = Hex(test, "msg"), ct = Hex(test, "ct");
            JwtEncryptionKey key = JwtEncryptionKey.FromJwk(group.GetProperty("privateKeyJwk").GetRawText(), JweEncryption.A128GCM);
            byte[] recovered = new byte[msg.Length];
            bool ok = key.TryRecoverContentKey(ct, default, default, recovered) && recovered.AsSpan().SequenceEqual(msg);
            results.Expect(tcId, valid, ok);
        }

        results.AssertAllPassed(file, 20);
    }

    private static byte[] CbcHmacTag(JweEncryption encryption, byte[] macKey, byte[] aad, byte[] iv, byte[] ct)
    {
        byte[] al = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(al, (ulong)aad.Length * 8);
        byte[] input = [.. aad, .. iv, .. ct, .. al];
        byte[] mac = encryption == JweEncryption.A128CbcHS256 ? HMACSHA256.HashData(macKey, input) : HMACSHA512.HashData(macKey, input);
        return mac[..(mac.Length / 2)];
    }

    private static byte[] Hex(JsonElement test, string name) => Convert.FromHexString(test.GetProperty(name).GetString()!);

    private static IEnumerable<(JsonElement Group, JsonElement Test)> Cases(string file, Func<JsonElement, bool> groupFilter)
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof(file));
        var cases = new List<(JsonElement, JsonElement)>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            if (groupFilter(group))
            {
                foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
                {
                    cases.Add((group.Clone(), test.Clone()));
                }
            }
        }

        return cases;
    }
}
