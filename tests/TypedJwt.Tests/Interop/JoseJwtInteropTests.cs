using System.Security.Cryptography;
using System.Text.Json;
using TypedJwt.Tests.Support;
using JoseAlgorithm = Jose.JweAlgorithm;
using JoseEncryption = Jose.JweEncryption;

namespace TypedJwt.Tests.Interop;

/// <summary>
/// Encrypted tokens both directions with jose-jwt, which (unlike IdentityModel) also creates AES-GCM content and
/// RSA-OAEP-256, and ECDH-ES on every curve: every key management algorithm TypedJwt implements, with every content
/// encryption.
/// </summary>
public class JoseJwtInteropTests
{
    private static readonly RSA Rsa = RSA.Create(2048);

    public static TheoryData<JweAlgorithm, JweEncryption> Pairs()
    {
        var data = new TheoryData<JweAlgorithm, JweEncryption>();
        foreach (JweAlgorithm algorithm in new[] { JweAlgorithm.Direct, JweAlgorithm.A128KW, JweAlgorithm.A256KW, JweAlgorithm.RsaOaep, JweAlgorithm.RsaOaep256 })
        {
            foreach (JweEncryption encryption in Enum.GetValues<JweEncryption>())
            {
                data.Add(algorithm, encryption);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Jose_jwt_token_decrypts_in_TypedJwt(JweAlgorithm algorithm, JweEncryption encryption)
    {
        (JwtEncryptionKey ours, object theirs) = KeysFor(algorithm, encryption);
        string claims = $$"""{"iss":"https://issuer.example","aud":"api","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}""";
        string token = Jose.JWT.Encode(claims, theirs, Map(algorithm), Map(encryption));

        var validator = new JweValidator<AnyClaims>(ours, PolicyFor(algorithm));
        Assert.True(validator.TryValidate(token, out _, out JwtError error), error.Message);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TypedJwt_token_decrypts_in_jose_jwt(JweAlgorithm algorithm, JweEncryption encryption)
    {
        (JwtEncryptionKey ours, object theirs) = KeysFor(algorithm, encryption);
        string token = JweWriter.Write(new AnyAccessTokenClaims(), ours);

        string plaintext = Jose.JWT.Decode(token, theirs, Map(algorithm), Map(encryption));

        using JsonDocument claims = JsonDocument.Parse(plaintext);
        Assert.Equal("https://issuer.example", claims.RootElement.GetProperty("iss").GetString());
    }

    public static TheoryData<string, JweAlgorithm, JweEncryption> EcdhCases()
    {
        var data = new TheoryData<string, JweAlgorithm, JweEncryption>();
        foreach (string curve in new[] { "P-256", "P-384", "P-521" })
        {
            foreach (JweAlgorithm algorithm in new[] { JweAlgorithm.EcdhEs, JweAlgorithm.EcdhEsA128KW, JweAlgorithm.EcdhEsA256KW })
            {
                foreach (JweEncryption encryption in Enum.GetValues<JweEncryption>())
                {
                    data.Add(curve, algorithm, encryption);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EcdhCases))]
    public void Ecdh_es_both_directions(string curve, JweAlgorithm algorithm, JweEncryption encryption)
    {
        using ECDiffieHellman ecdh = ECDiffieHellman.Create(curve switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            _ => ECCurve.NamedCurves.nistP521,
        });
        JwtEncryptionKey ours = JwtEncryptionKey.FromECDiffieHellman(ecdh, algorithm, encryption);
        string claims = $$"""{"iss":"https://issuer.example","aud":"api","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}""";

        string theirToken = Jose.JWT.Encode(claims, ecdh, Map(algorithm), Map(encryption));
        var validator = new JweValidator<AnyClaims>(ours, PolicyFor(algorithm));
        Assert.True(validator.TryValidate(theirToken, out _, out JwtError error), error.Message);

        string ourToken = JweWriter.Write(new AnyAccessTokenClaims(), ours);
        using JsonDocument decrypted = JsonDocument.Parse(Jose.JWT.Decode(ourToken, ecdh, Map(algorithm), Map(encryption)));
        Assert.Equal("api", decrypted.RootElement.GetProperty("aud").GetString());
    }

    // These tests check that both libraries decrypt each other's tokens with every algorithm. A plain JWE encrypted to a
    // public key authenticates no sender, so for RSA-OAEP and ECDH-ES the validator must opt in (UnauthenticatedSenderTests).
    private static JwtValidationPolicy PolicyFor(JweAlgorithm algorithm) => new()
    {
        ValidIssuers = ["https://issuer.example"],
        ValidAudiences = ["api"],
        DangerousAcceptUnauthenticatedSenders = algorithm is not (JweAlgorithm.Direct or JweAlgorithm.A128KW or JweAlgorithm.A256KW),
    };

    private static (JwtEncryptionKey Ours, object Theirs) KeysFor(JweAlgorithm algorithm, JweEncryption encryption)
    {
        int contentKeySize = encryption switch
        {
            JweEncryption.A128GCM => 16,
            JweEncryption.A256CbcHS512 => 64,
            _ => 32,
        };
        switch (algorithm)
        {
            case JweAlgorithm.Direct:
                byte[] cek = RandomNumberGenerator.GetBytes(contentKeySize);
                return (JwtEncryptionKey.CreateDirect(encryption, cek), cek);
            case JweAlgorithm.A128KW:
            case JweAlgorithm.A256KW:
                byte[] kek = RandomNumberGenerator.GetBytes(algorithm == JweAlgorithm.A128KW ? 16 : 32);
                return (JwtEncryptionKey.CreateAesKeyWrap(algorithm, encryption, kek), kek);
            default:
                return (JwtEncryptionKey.FromRsa(Rsa, algorithm, encryption), Rsa);
        }
    }

    private static JoseAlgorithm Map(JweAlgorithm algorithm) => algorithm switch
    {
        JweAlgorithm.Direct => JoseAlgorithm.DIR,
        JweAlgorithm.A128KW => JoseAlgorithm.A128KW,
        JweAlgorithm.A256KW => JoseAlgorithm.A256KW,
        JweAlgorithm.RsaOaep => JoseAlgorithm.RSA_OAEP,
        JweAlgorithm.RsaOaep256 => JoseAlgorithm.RSA_OAEP_256,
        JweAlgorithm.EcdhEs => JoseAlgorithm.ECDH_ES,
        JweAlgorithm.EcdhEsA128KW => JoseAlgorithm.ECDH_ES_A128KW,
        _ => JoseAlgorithm.ECDH_ES_A256KW,
    };

    private static JoseEncryption Map(JweEncryption encryption) => encryption switch
    {
        JweEncryption.A128GCM => JoseEncryption.A128GCM,
        JweEncryption.A256GCM => JoseEncryption.A256GCM,
        JweEncryption.A128CbcHS256 => JoseEncryption.A128CBC_HS256,
        _ => JoseEncryption.A256CBC_HS512,
    };
}
