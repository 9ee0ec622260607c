using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TypedJwt.Tests.Keys;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Jwe;

/// <summary>ECDH-ES and ECDH-ES+A*KW: every curve end to end, the epk rules, and Wycheproof's ECDH (JWK) files with their invalid-curve cases.</summary>
public class EcdhEsTests
{
    public static TheoryData<string, JweAlgorithm> CurvesAndAlgorithms()
    {
        var data = new TheoryData<string, JweAlgorithm>();
        foreach (string curve in new[] { "P-256", "P-384", "P-521" })
        {
            foreach (JweAlgorithm algorithm in new[] { JweAlgorithm.EcdhEs, JweAlgorithm.EcdhEsA128KW, JweAlgorithm.EcdhEsA256KW })
            {
                data.Add(curve, algorithm);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CurvesAndAlgorithms))]
    public void Round_trips_on_every_curve(string curve, JweAlgorithm algorithm)
    {
        using ECDiffieHellman ecdh = ECDiffieHellman.Create(Curve(curve));
        JwtEncryptionKey key = JwtEncryptionKey.FromECDiffieHellman(ecdh, algorithm, JweEncryption.A256CbcHS512, "ec");

        string token = JweWriter.Write(JweTestKit.Record(), key);

        Assert.Contains($"\"crv\":\"{curve}\"", Header(token));
        Assert.True(JweTestKit.ValidatorFor(key).TryValidate(token, out PatientRecord? read, out JwtError error), error.Message);
        Assert.Equal(JweTestKit.Record(), read);
    }

    [Fact]
    public void Public_only_key_encrypts_for_the_holder_of_the_private_key()
    {
        using ECDiffieHellman full = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);
        using ECDiffieHellman publicOnly = ECDiffieHellman.Create(full.ExportParameters(false));
        JwtEncryptionKey sender = JwtEncryptionKey.FromECDiffieHellman(publicOnly, JweAlgorithm.EcdhEsA128KW, JweEncryption.A128GCM);
        JwtEncryptionKey recipient = JwtEncryptionKey.FromECDiffieHellman(full, JweAlgorithm.EcdhEsA128KW, JweEncryption.A128GCM);

        Assert.False(sender.CanDecrypt);
        Assert.True(recipient.CanDecrypt);
        Assert.Equal(JwtError.None, JweTestKit.ValidatorFor(recipient).Validate(JweWriter.Write(JweTestKit.Record(), sender).AsSpan()));
    }

    [Fact]
    public void Missing_epk_is_an_invalid_header_parameter()
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.EcdhEs, JweEncryption.A128GCM);
        string[] parts = JweWriter.Write(JweTestKit.Record(), key).Split('.');
        parts[0] = JweTestKit.Base64Url("""{"alg":"ECDH-ES","enc":"A128GCM","typ":"record+jwt","kid":"e1"}""");

        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "epk"), JweTestKit.ValidatorFor(key).Validate(string.Join('.', parts).AsSpan()));
    }

    [Fact]
    public void Other_curves_and_algorithms_are_refused_when_the_key_is_made()
    {
        using var brainpool = ECDiffieHellman.Create(ECCurve.NamedCurves.brainpoolP256r1);
        Assert.Throws<ArgumentException>(() => JwtEncryptionKey.FromECDiffieHellman(brainpool, JweAlgorithm.EcdhEs, JweEncryption.A128GCM));
        Assert.Throws<ArgumentException>(() => JwtEncryptionKey.FromECDiffieHellman(JweTestKit.P256, JweAlgorithm.RsaOaep256, JweEncryption.A128GCM));
    }

    [Theory]
    [InlineData("""{"kty":"EC","crv":"P-384","x":"%X%","y":"%Y%"}""")]
    [InlineData("""{"kty":"OKP","crv":"P-256","x":"%X%","y":"%Y%"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"%X%"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"%X%","y":"%Y%","x":"%X%"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"%X%","y":"%Y%","d":"%X%"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"%X%","y":"%X%"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"%X%A","y":"%Y%"}""")]
    [InlineData("""{"kty":"\udfaa\udfaa","crv":"P-256","x":"%X%","y":"%Y%"}""")]
    [InlineData("""{"kty":"EC","crv":"\udfaa\udfaa\udfaa\udfaa\udfaa","x":"%X%","y":"%Y%"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","\udfaa":1,"x":"%X%","y":"%Y%"}""")]
    public void Ephemeral_key_is_read_strictly(string template)
    {
        ECParameters other = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256).ExportParameters(false);
        string good = template.Replace("%X%", JweTestKit.Base64Url(other.Q.X!)).Replace("%Y%", JweTestKit.Base64Url(other.Q.Y!));
        var key = (EcdhEncryptionKey)JweTestKit.KeyFor(JweAlgorithm.EcdhEs, JweEncryption.A128GCM);

        Assert.Null(key.TryDeriveSharedSecret(Encoding.UTF8.GetBytes(good)));
        Assert.NotNull(key.TryDeriveSharedSecret(Encoding.UTF8.GetBytes(
            $$"""{"kty":"EC","crv":"P-256","x":"{{JweTestKit.Base64Url(other.Q.X!)}}","y":"{{JweTestKit.Base64Url(other.Q.Y!)}}"}""")));
    }

    [Theory]
    [InlineData("ecdh_secp256r1_webcrypto_test.json", 353)]
    [InlineData("ecdh_secp384r1_webcrypto_test.json", 794)]
    [InlineData("ecdh_secp521r1_webcrypto_test.json", 655)]
    public void Wycheproof_ecdh_with_jwk_keys(string file, int count)
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof(file));
        var results = new WycheproofResults();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                int tcId = test.GetProperty("tcId").GetInt32();
                bool valid = test.GetProperty("result").GetString() == "valid";
                var privateJwk = JsonNode.Parse(test.GetProperty("private").GetRawText())!.AsObject();
                privateJwk["alg"] = "ECDH-ES";
                byte[]? z;
                try
                {
                    var key = (EcdhEncryptionKey)JwtEncryptionKey.FromJwk(privateJwk.ToJsonString(), JweEncryption.A128GCM);
                    z = key.TryDeriveSharedSecret(Encoding.UTF8.GetBytes(test.GetProperty("public").GetRawText()));
                }
                catch (ArgumentException)
                {
                    z = null;
                }

                bool accepted = z is not null && z.AsSpan().SequenceEqual(Convert.FromHexString(test.GetProperty("shared").GetString()!));
                results.Expect(tcId, valid, accepted);
            }
        }

        results.AssertAllPassed(file, count);
    }

    private static ECCurve Curve(string name) => name switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        _ => ECCurve.NamedCurves.nistP521,
    };

    private static string Header(string token)
    {
        string segment = token.Split('.')[0].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(segment + new string('=', (4 - (segment.Length % 4)) % 4)));
    }
}
