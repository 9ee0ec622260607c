using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using TypedJwt.Tests.Generated;
using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// Thousands of seeded mutations of one rich payload and one header (bytes replaced, snippets inserted, ranges deleted or
/// repeated), each signed or encrypted so that it reaches the JSON readers. Whatever the bytes, nothing throws, and every
/// entry point gives one answer: the registered-claims check is the same for every payload type, signed or encrypted; a
/// payload it refuses is refused by every typed read with that same error; a document read never throws either. JWE headers
/// (read before any decryption, <c>epk</c> included) are mutated for every algorithm pair, and JWKs and JWK Sets, which
/// may come from a remote endpoint, either import or fail with the documented <see cref="ArgumentException"/>. The seeds
/// are fixed, so a failure names its input and reproduces.
/// </summary>
public class MutatedInputTests
{
    private const int Mutations = 3000;

    private static readonly byte[] Cek = JweTestKit.Bytes(32, 9);
    private static readonly JwtEncryptionKey EncryptionKey = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, Cek, "e1");

    private static readonly byte[] SeedPayload = Encoding.UTF8.GetBytes(
        $$$"""{"iss":"https://issuer.example","aud":["x","api"],"exp":{{{NowSeconds + 600}}},"nbf":{{{NowSeconds - 10}}},"text":"h\u00e9llo \"w\"","flag":true,"small":-5,"large":9007199254740993,"ratio":0.25,"amount":12.50,"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","when":1700000000,"birthdate":"1990-02-28","plan":"Enterprise","website":"https://example.com/a","maybe_number":null,"maybe_plan":"Pro","tags":["a","b"],"numbers":[1,2],"plans":["Free","Pro"],"dates":[1],"scope":"read write","address":{"country":"NL","postal_code":"1234AB"},"extra":{"k":[1,"\u0041",{"z":null}]}}""");

    private static readonly byte[] SeedHeader = Encoding.UTF8.GetBytes("""{"alg":"HS256","kid":"k1","typ":"JWT","x":["\u0041",{"y":1}]}""");

    private static readonly byte[] InterestingBytes =
        [.. "\"\\{}[],:0-.eE+ntfu "u8, 0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF];

    private static readonly string[] Snippets =
    [
        "\\ud800", "\\udfaa", "\\u0000", "\\ud83d\\ude00", "\\u0065xp", "\"x\":1,", "\"aud\":", "\"exp\":", "\"iss\":", "null",
        "[]", "{}", "[[[[[[[[[[[[[[[[[[", "1e999", "-0", "9223372036854775808", "1.5", "true", "\"", "\\", "\u00e9", "\U0001F600",
    ];

    [Fact]
    public void Mutated_payloads_never_throw_and_every_entry_point_gives_one_answer()
    {
        var signedAsEveryType = new JwtValidator<EveryType>(Key, Policy());
        var signedAsAnyClaims = new JwtValidator<AnyClaims>(Key, Policy());
        var encryptedAsEveryType = new JweValidator<EveryType>(EncryptionKey, Policy());
        var random = new Random(20261201);
        var outcomes = new HashSet<JwtErrorCode>();

        Assert.Equal(JwtError.None, signedAsEveryType.Validate(HandMadeToken.Sign("""{"alg":"HS256","kid":"k1"}""", SeedPayload, Key).AsSpan()));
        for (int i = 0; i < Mutations; i++)
        {
            byte[] payload = Mutate(SeedPayload, random);
            string signed = HandMadeToken.Sign("""{"alg":"HS256","kid":"k1"}""", payload, Key);
            string encrypted = JweTestKit.HandMade(Encoding.UTF8.GetBytes("""{"alg":"dir","enc":"A128CBC-HS256","kid":"e1"}"""), payload, Cek, JweEncryption.A128CbcHS256);
            Judge(payload, () =>
            {
                JwtError checkedOnly = signedAsEveryType.Validate(signed.AsSpan());
                Assert.Equal(checkedOnly, signedAsAnyClaims.Validate(signed.AsSpan()));
                Assert.Equal(checkedOnly, encryptedAsEveryType.Validate(encrypted.AsSpan()));

                signedAsEveryType.TryValidate(signed, out _, out JwtError typed);
                signedAsAnyClaims.TryValidate(signed, out _, out JwtError any);
                encryptedAsEveryType.TryValidate(encrypted, out _, out JwtError encryptedTyped);
                Assert.Equal(typed, encryptedTyped);
                if (!checkedOnly.IsNone)
                {
                    Assert.Equal(checkedOnly, typed);
                    Assert.Equal(checkedOnly, any);
                }

                EveryType.TryReadJson(payload, out _, out _);
                outcomes.Add(typed.Code);
            });
        }

        // The mutations reach past the structure: some payloads are accepted, and refusals come from many checks.
        Assert.Contains(JwtErrorCode.None, outcomes);
        Assert.True(outcomes.Count >= 6, "outcomes: " + string.Join(", ", outcomes));
    }

    [Fact]
    public void Mutated_headers_never_throw_signed_or_forged()
    {
        var asEveryType = new JwtValidator<EveryType>(Key, Policy());
        var asAnyClaims = new JwtValidator<AnyClaims>(Key, Policy());
        byte[] payload = Encoding.UTF8.GetBytes(ValidPayload());
        string original = HandMadeToken.Sign(SeedHeader, payload, Key);
        string originalSignature = original[(original.LastIndexOf('.') + 1)..];
        var random = new Random(20261202);
        var outcomes = new HashSet<JwtErrorCode>();

        Assert.Equal(JwtError.None, asEveryType.Validate(original.AsSpan()));
        for (int i = 0; i < Mutations; i++)
        {
            byte[] header = Mutate(SeedHeader, random);
            string signed = HandMadeToken.Sign(header, payload, Key);
            string forged = signed[..(signed.LastIndexOf('.') + 1)] + originalSignature;
            Judge(header, () =>
            {
                JwtError error = asEveryType.Validate(signed.AsSpan());
                Assert.Equal(error, asAnyClaims.Validate(signed.AsSpan()));
                asEveryType.TryValidate(signed, out _, out _);
                if (!header.AsSpan().SequenceEqual(SeedHeader))
                {
                    Assert.NotEqual(JwtError.None, asEveryType.Validate(forged.AsSpan()));
                }

                outcomes.Add(error.Code);
            });
        }

        Assert.Contains(JwtErrorCode.None, outcomes);
        Assert.True(outcomes.Count >= 4, "outcomes: " + string.Join(", ", outcomes));
    }

    [Fact]
    public void Mutated_encrypted_headers_never_throw_and_are_never_accepted()
    {
        var random = new Random(20261203);
        var outcomes = new HashSet<JwtErrorCode>();
        foreach ((JweAlgorithm algorithm, JweEncryption encryption) in JweTestKit.AllPairs())
        {
            JwtEncryptionKey key = JweTestKit.KeyFor(algorithm, encryption);
            JweValidator<PatientRecord> validator = JweTestKit.ValidatorFor(key);
            string[] parts = JweWriter.Write(JweTestKit.Record(), key).Split('.');
            byte[] seed = Base64Url.DecodeFromChars(parts[0]);
            Assert.Equal(JwtError.None, validator.Validate(string.Join('.', parts).AsSpan()));
            for (int i = 0; i < 100; i++)
            {
                byte[] header = Mutate(seed, random);
                string token = Base64Url.EncodeToString(header) + "." + string.Join('.', parts[1..]);
                Judge(header, () =>
                {
                    JwtError error = validator.Validate(token.AsSpan());
                    validator.TryValidate(token, out _, out _);
                    if (!header.AsSpan().SequenceEqual(seed))
                    {
                        // The header is the authenticated data: no change to it can decrypt.
                        Assert.NotEqual(JwtError.None, error);
                    }

                    outcomes.Add(error.Code);
                });
            }
        }

        Assert.Contains(JwtErrorCode.DecryptionFailed, outcomes);
        Assert.True(outcomes.Count >= 5, "outcomes: " + string.Join(", ", outcomes));
    }

    [Fact]
    public void Mutated_hostile_epk_headers_never_throw_and_only_the_genuine_point_decrypts()
    {
        // An ECDH-ES token whose epk carries everything a JWK may (unknown members, nested objects and arrays, escapes) and
        // is still accepted; mutations of it (read before decryption: duplicates, bad escapes, wrong types, points off the
        // curve, a private part) are judged like every other header.
        JwtEncryptionKey key = JwtEncryptionKey.FromECDiffieHellman(JweTestKit.P256, JweAlgorithm.EcdhEs, JweEncryption.A128CbcHS256, "e1");
        var validator = new JweValidator<PatientRecord>(key, JweTestKit.AcceptingUnauthenticatedSenders());
        using ECDiffieHellman ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        ECParameters point = ephemeral.ExportParameters(includePrivateParameters: false);
        byte[] seed = Encoding.UTF8.GetBytes(
            $$"""{"alg":"ECDH-ES","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","epk":{"kty":"EC","crv":"P-256","x":"{{JweTestKit.Base64Url(point.Q.X!)}}","y":"{{JweTestKit.Base64Url(point.Q.Y!)}}","use":"enc","ext":{"k\u0041":[1,{"b":null},"\ud83d\ude00"]},"key_ops":[]},"apu":"QWxpY2U","apv":"Qm9i"}""");
        byte[] z = ephemeral.DeriveRawSecretAgreement(JweTestKit.P256.PublicKey);
        byte[] cek = new byte[32];
        ConcatKdf.DeriveKey(z, "A128CBC-HS256"u8, "Alice"u8, "Bob"u8, cek);
        byte[] plaintext = Encoding.UTF8.GetBytes(ValidPayload(",\"sub\":\"patient-17\""));
        Assert.Equal(JwtError.None, validator.Validate(JweTestKit.HandMade(seed, plaintext, cek, JweEncryption.A128CbcHS256).AsSpan()));

        var random = new Random(20261205);
        var outcomes = new HashSet<JwtErrorCode>();
        for (int i = 0; i < 1000; i++)
        {
            byte[] header = Mutate(seed, random);
            string token = JweTestKit.HandMade(header, plaintext, cek, JweEncryption.A128CbcHS256);
            Judge(header, () =>
            {
                JwtError error = validator.Validate(token.AsSpan());
                validator.TryValidate(token, out _, out _);

                // The token is encrypted under the mutated header, so only the epk (the key agreement) can refuse it, or
                // the header's own rules; a mutated epk that still names the same point may be accepted.
                outcomes.Add(error.Code);
            });
        }

        Assert.Contains(JwtErrorCode.None, outcomes);
        Assert.Contains(JwtErrorCode.DecryptionFailed, outcomes);
        Assert.Contains(JwtErrorCode.DuplicateMember, outcomes);
        Assert.Contains(JwtErrorCode.MalformedJson, outcomes);
    }

    [Fact]
    public void Mutated_keys_and_key_sets_import_or_fail_with_ArgumentException_only()
    {
        using RSA rsa = RSA.Create(2048);
        using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters ecdh = JweTestKit.P256.ExportParameters(includePrivateParameters: true);
        byte[] jwks = Encoding.UTF8.GetBytes(new JwtKeySet([JwtSigningKey.FromRsa(rsa, JwsAlgorithm.RS256, "r1"), JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256, "e1")]).ToPublicJwks());
        byte[] octJwk = Encoding.UTF8.GetBytes($$"""{"kty":"oct","alg":"HS256","kid":"h1","k":"{{JweTestKit.Base64Url(JweTestKit.Bytes(32, 3))}}"}""");
        byte[] ecdhJwk = Encoding.UTF8.GetBytes(
            $$"""{"kty":"EC","crv":"P-256","alg":"ECDH-ES","use":"enc","kid":"x1","x":"{{JweTestKit.Base64Url(ecdh.Q.X!)}}","y":"{{JweTestKit.Base64Url(ecdh.Q.Y!)}}","d":"{{JweTestKit.Base64Url(ecdh.D!)}}"}""");
        var random = new Random(20261204);
        int imported = 0, refused = 0;

        foreach ((byte[] seed, Action<byte[]> import) in new (byte[], Action<byte[]>)[]
        {
            (jwks, bytes => JwtKeySet.FromJwks(bytes)),
            (octJwk, bytes => JwtSigningKey.FromJwk(bytes)),
            (ecdhJwk, bytes => JwtEncryptionKey.FromJwk(bytes, JweEncryption.A128GCM)),
        })
        {
            import(seed);
            for (int i = 0; i < 700; i++)
            {
                byte[] json = Mutate(seed, random);
                Judge(json, () =>
                {
                    try
                    {
                        import(json);
                        imported++;
                    }
                    catch (ArgumentException)
                    {
                        refused++;
                    }
                });
            }
        }

        Assert.True(imported > 0 && refused > 0, $"imported {imported}, refused {refused}");
    }

    internal static void Judge(byte[] input, Action check)
    {
        try
        {
            check();
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"input {Convert.ToHexString(input)} ({Encoding.UTF8.GetString(input)}) threw {exception}");
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            Assert.Fail($"input {Convert.ToHexString(input)} ({Encoding.UTF8.GetString(input)}): {failure.Message}");
        }
    }

    // One to three edits: a byte replaced by one that matters to JSON or UTF-8, a snippet inserted, a range deleted, a range repeated.
    internal static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int edits = random.Next(1, 4);
        for (int edit = 0; edit < edits; edit++)
        {
            int at = random.Next(bytes.Count + 1);
            int length = Math.Min(random.Next(1, 12), bytes.Count - at);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                    break;
                case 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Snippets[random.Next(Snippets.Length)]));
                    break;
                case 2 when length > 0:
                    bytes.RemoveRange(at, length);
                    break;
                case 3 when length > 0:
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
