using System.Text;
using TypedJwt.Tests.Jws;

namespace TypedJwt.Tests.Jwe;

/// <summary>Every supported alg/enc pair end to end through the typed API: write, read back, and refuse what is damaged.</summary>
public class JweRoundTripTests
{
    public static TheoryData<JweAlgorithm, JweEncryption> Pairs()
    {
        var data = new TheoryData<JweAlgorithm, JweEncryption>();
        foreach ((JweAlgorithm algorithm, JweEncryption encryption) in JweTestKit.AllPairs())
        {
            data.Add(algorithm, encryption);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Typed_payload_round_trips(JweAlgorithm algorithm, JweEncryption encryption)
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(algorithm, encryption);
        PatientRecord record = JweTestKit.Record();

        string token = JweWriter.Write(record, key);

        Assert.Equal(4, token.Count(c => c == '.'));
        Assert.DoesNotContain("J45", Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(token.Split('.')[3]))));
        JweValidator<PatientRecord> validator = JweTestKit.ValidatorFor(key);
        Assert.True(validator.TryValidate(token, out PatientRecord? read, out JwtError error), error.Message);
        Assert.Equal(record, read);
        Assert.Equal(JwtError.None, validator.Validate(Encoding.ASCII.GetBytes(token)));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Header_names_the_key_bindings_and_type(JweAlgorithm algorithm, JweEncryption encryption)
    {
        string token = JweWriter.Write(JweTestKit.Record(), JweTestKit.KeyFor(algorithm, encryption));

        string header = Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(token.Split('.')[0])));

        string expected = $$"""{"alg":"{{JweAlgorithmNames.GetName(algorithm)}}","enc":"{{JweAlgorithmNames.GetName(encryption)}}","typ":"record+jwt","kid":"e1"}""";
        if (algorithm is JweAlgorithm.EcdhEs or JweAlgorithm.EcdhEsA128KW or JweAlgorithm.EcdhEsA256KW)
        {
            // The ephemeral public key follows, as a public-only EC JWK on the recipient's curve.
            Assert.StartsWith(expected[..^1] + ""","epk":{"kty":"EC","crv":"P-256","x":""", header);
            Assert.DoesNotContain("\"d\"", header);
        }
        else
        {
            Assert.Equal(expected, header);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_damaged_segment_is_one_decryption_failure(JweAlgorithm algorithm, JweEncryption encryption)
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(algorithm, encryption);
        string token = JweWriter.Write(JweTestKit.Record(), key);
        JweValidator<PatientRecord> validator = JweTestKit.ValidatorFor(key);
        string[] parts = token.Split('.');

        // Segments 1-4: encrypted key (not for dir or ECDH-ES, where it is empty), IV, ciphertext, tag; a flipped bit anywhere fails the same way.
        for (int segment = algorithm == JweAlgorithm.Direct ? 2 : 1; segment <= 4; segment++)
        {
            string[] damaged = (string[])parts.Clone();
            if (damaged[segment].Length == 0)
            {
                continue;
            }

            damaged[segment] = FlipFirstBit(damaged[segment]);
            Assert.Equal(JwtErrorCode.DecryptionFailed, validator.Validate(string.Join('.', damaged).AsSpan()).Code);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Wrong_key_of_the_same_kind_fails_decryption(JweAlgorithm algorithm, JweEncryption encryption)
    {
        string token = JweWriter.Write(JweTestKit.Record(), JweTestKit.KeyFor(algorithm, encryption));
        JwtEncryptionKey other = algorithm switch
        {
            JweAlgorithm.RsaOaep or JweAlgorithm.RsaOaep256 => JwtEncryptionKey.FromRsa(System.Security.Cryptography.RSA.Create(2048), algorithm, encryption, "e1"),
            JweAlgorithm.EcdhEs or JweAlgorithm.EcdhEsA128KW or JweAlgorithm.EcdhEsA256KW => JwtEncryptionKey.FromECDiffieHellman(
                System.Security.Cryptography.ECDiffieHellman.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256), algorithm, encryption, "e1"),
            _ => JweTestKit.KeyFor(algorithm, encryption, seed: 77),
        };

        Assert.Equal(JwtErrorCode.DecryptionFailed, JweTestKit.ValidatorFor(other).Validate(token.AsSpan()).Code);
    }

    [Fact]
    public void Each_token_has_a_fresh_iv_and_content_key()
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.A256KW, JweEncryption.A256GCM);
        string[] first = JweWriter.Write(JweTestKit.Record(), key).Split('.');
        string[] second = JweWriter.Write(JweTestKit.Record(), key).Split('.');

        Assert.NotEqual(first[1], second[1]);
        Assert.NotEqual(first[2], second[2]);
        Assert.NotEqual(first[3], second[3]);
    }

    [Fact]
    public void TryWrite_reports_a_short_destination_and_writes_exactly_the_token()
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.Direct, JweEncryption.A128CbcHS256);
        string token = JweWriter.Write(JweTestKit.Record(), key);

        Assert.False(JweWriter.TryWrite(JweTestKit.Record(), key, new byte[token.Length - 1], out _));
        byte[] exact = new byte[token.Length];
        Assert.True(JweWriter.TryWrite(JweTestKit.Record(), key, exact, out int written));
        Assert.Equal(token.Length, written);
        Assert.Equal(JwtError.None, new JweValidator<PatientRecord>(key, JweTestKit.Policy()).Validate(exact));
    }

    [Fact]
    public void Claims_are_checked_after_decryption()
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.A128KW, JweEncryption.A128GCM);
        string token = JweWriter.Write(JweTestKit.Record(expiresIn: -3600), key);

        Assert.Equal(JwtErrorCode.Expired, new JweValidator<PatientRecord>(key, JweTestKit.Policy()).Validate(token.AsSpan()).Code);
    }

    [Fact]
    public void Public_only_rsa_key_encrypts_but_cannot_make_a_validator()
    {
        using var publicOnly = System.Security.Cryptography.RSA.Create();
        publicOnly.ImportParameters(JweTestKit.Rsa.ExportParameters(false));
        JwtEncryptionKey encryptOnly = JwtEncryptionKey.FromRsa(publicOnly, JweAlgorithm.RsaOaep256, JweEncryption.A256GCM, "e1");

        string token = JweWriter.Write(JweTestKit.Record(), encryptOnly);

        Assert.False(encryptOnly.CanDecrypt);
        Assert.Throws<ArgumentException>(() => new JweValidator<PatientRecord>(encryptOnly, JweTestKit.AcceptingUnauthenticatedSenders()));
        JwtEncryptionKey full = JweTestKit.KeyFor(JweAlgorithm.RsaOaep256, JweEncryption.A256GCM);
        Assert.Equal(JwtError.None, JweTestKit.ValidatorFor(full).Validate(token.AsSpan()));
    }

    [Fact]
    public void Key_selection_by_kid_among_several_keys()
    {
        JwtEncryptionKey first = JweTestKit.KeyFor(JweAlgorithm.A128KW, JweEncryption.A128GCM, "a", seed: 1);
        JwtEncryptionKey second = JweTestKit.KeyFor(JweAlgorithm.A256KW, JweEncryption.A256GCM, "b", seed: 2);
        var validator = new JweValidator<PatientRecord>(new JwtEncryptionKeySet([first, second]), JweTestKit.Policy());

        Assert.Equal(JwtError.None, validator.Validate(JweWriter.Write(JweTestKit.Record(), first).AsSpan()));
        Assert.Equal(JwtError.None, validator.Validate(JweWriter.Write(JweTestKit.Record(), second).AsSpan()));
        JwtEncryptionKey stranger = JweTestKit.KeyFor(JweAlgorithm.A128KW, JweEncryption.A128GCM, "c", seed: 1);
        Assert.Equal(JwtError.Create(JwtErrorCode.KeyNotFound, "kid"), validator.Validate(JweWriter.Write(JweTestKit.Record(), stranger).AsSpan()));
    }

    private static string FlipFirstBit(string segment) =>
        (segment[0] == 'A' ? 'B' : 'A') + segment.Substring(1);

    private static string PadBase64(string segment) =>
        segment.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (segment.Length % 4)) % 4);
}
