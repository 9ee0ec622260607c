using System.Security.Cryptography;
using TypedJwt.Tests.Jws;
using TypedJwt.Tests.Support;
using JoseAlgorithm = Jose.JweAlgorithm;
using JoseEncryption = Jose.JweEncryption;

namespace TypedJwt.Tests.Jwe;

/// <summary>
/// Security review F1 and F2. Public-key encryption (RSA-OAEP, ECDH-ES) authenticates no sender: whoever holds the
/// recipient's public key (and it is public) can make a JWE with any claims. So a plain JWE proves its origin only when its
/// key is a shared secret, and producers that sign with RSA or EC keys sign, then encrypt (RFC 7519 §11.2). These tests
/// forge tokens with the public key alone, with jose-jwt and with TypedJwt's own writer, and check that every way of
/// building a validator refuses them unless the policy opts in by name.
/// </summary>
public class UnauthenticatedSenderTests
{
    private const string Issuer = "https://issuer.example";

    private static readonly RSA RecipientRsa = RSA.Create(2048);
    private static readonly ECDiffieHellman RecipientEc = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    // What an attacker has: the recipient's public key, as published.
    private static RSA PublicRsa()
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(RecipientRsa.ExportParameters(false));
        return rsa;
    }

    private static ECDiffieHellman PublicEc()
    {
        var ecdh = ECDiffieHellman.Create();
        ecdh.ImportParameters(RecipientEc.ExportParameters(false));
        return ecdh;
    }

    // Claims of the attacker's choosing: another subject, admin rights, a fresh expiry.
    private static string ForgedClaims() =>
        $$"""{"iss":"{{Issuer}}","aud":"api","sub":"mallory","roles":["admin"],"exp":{{ValidatorTestKit.NowSeconds + 600}}}""";

    public static TheoryData<JweAlgorithm> PublicKeyAlgorithms() =>
        [JweAlgorithm.RsaOaep, JweAlgorithm.RsaOaep256, JweAlgorithm.EcdhEs, JweAlgorithm.EcdhEsA128KW, JweAlgorithm.EcdhEsA256KW];

    private static JwtEncryptionKey RecipientKey(JweAlgorithm algorithm) => algorithm is JweAlgorithm.RsaOaep or JweAlgorithm.RsaOaep256
        ? JwtEncryptionKey.FromRsa(RecipientRsa, algorithm, JweEncryption.A256GCM, "enc-1")
        : JwtEncryptionKey.FromECDiffieHellman(RecipientEc, algorithm, JweEncryption.A256GCM, "enc-1");

    private static string ForgeWithJoseJwt(JweAlgorithm algorithm)
    {
        object publicKey = algorithm is JweAlgorithm.RsaOaep or JweAlgorithm.RsaOaep256 ? PublicRsa() : PublicEc();
        JoseAlgorithm alg = algorithm switch
        {
            JweAlgorithm.RsaOaep => JoseAlgorithm.RSA_OAEP,
            JweAlgorithm.RsaOaep256 => JoseAlgorithm.RSA_OAEP_256,
            JweAlgorithm.EcdhEs => JoseAlgorithm.ECDH_ES,
            JweAlgorithm.EcdhEsA128KW => JoseAlgorithm.ECDH_ES_A128KW,
            _ => JoseAlgorithm.ECDH_ES_A256KW,
        };
        return Jose.JWT.Encode(ForgedClaims(), publicKey, alg, JoseEncryption.A256GCM, extraHeaders: new Dictionary<string, object> { ["kid"] = "enc-1", ["typ"] = "at+jwt" });
    }

    private static string ForgeWithTypedJwt(JweAlgorithm algorithm)
    {
        JwtEncryptionKey publicOnly = algorithm is JweAlgorithm.RsaOaep or JweAlgorithm.RsaOaep256
            ? JwtEncryptionKey.FromRsa(PublicRsa(), algorithm, JweEncryption.A256GCM, "enc-1")
            : JwtEncryptionKey.FromECDiffieHellman(PublicEc(), algorithm, JweEncryption.A256GCM, "enc-1");
        Assert.False(publicOnly.CanDecrypt);
        return JweWriter.Write(new AnyAccessTokenClaims(), publicOnly);
    }

    private static JwtValidationPolicy Policy(bool acceptUnauthenticatedSenders = false) => new()
    {
        ValidIssuers = [Issuer],
        ValidAudiences = ["api"],
        TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ValidatorTestKit.Now),
        DangerousAcceptUnauthenticatedSenders = acceptUnauthenticatedSenders,
    };

    [Theory]
    [MemberData(nameof(PublicKeyAlgorithms))]
    public void A_validator_cannot_be_built_the_way_the_forgery_needs(JweAlgorithm algorithm)
    {
        // The README's plain-JWE validator, with the recipient's private key: refused when it is built, pointing to the nested form.
        var refused = Assert.Throws<ArgumentException>(() => new JweValidator<AnyAccessTokenClaims>(RecipientKey(algorithm), Policy()));

        Assert.Contains("NestedJwtValidator", refused.Message);
        Assert.Contains("DangerousAcceptUnauthenticatedSenders", refused.Message);
    }

    [Theory]
    [MemberData(nameof(PublicKeyAlgorithms))]
    public void Tokens_forged_with_the_public_key_alone_are_refused_by_a_shared_key_validator(JweAlgorithm algorithm)
    {
        // A service that decrypts with a shared secret: a token encrypted to any public key is refused before any key is
        // looked up, with the error that names the problem.
        var validator = new JweValidator<AnyAccessTokenClaims>(JwtEncryptionKey.CreateDirect(JweEncryption.A256GCM, new byte[32], "enc-1"), Policy());

        foreach (string forged in new[] { ForgeWithJoseJwt(algorithm), ForgeWithTypedJwt(algorithm) })
        {
            JwtError error = validator.Validate(forged.AsSpan());

            Assert.Equal(JwtError.Create(JwtErrorCode.UnauthenticatedSender, "alg"), error);
            Assert.Contains("NestedJwtValidator", error.Message);
            Assert.False(validator.TryValidate(forged, out _, out _));
        }
    }

    [Theory]
    [MemberData(nameof(PublicKeyAlgorithms))]
    public void The_opt_in_accepts_exactly_what_it_says_it_does(JweAlgorithm algorithm)
    {
        // DangerousAcceptUnauthenticatedSenders is what it says: with it, the forged tokens decrypt and are accepted.
        var dangerous = new JweValidator<AnyAccessTokenClaims>(RecipientKey(algorithm), Policy(acceptUnauthenticatedSenders: true));

        Assert.Equal(JwtError.None, dangerous.Validate(ForgeWithJoseJwt(algorithm).AsSpan()));
        Assert.Equal(JwtError.None, dangerous.Validate(ForgeWithTypedJwt(algorithm).AsSpan()));
    }

    [Theory]
    [MemberData(nameof(PublicKeyAlgorithms))]
    public void Sign_then_encrypt_refuses_the_forgery_and_accepts_the_real_sender(JweAlgorithm algorithm)
    {
        JwtSigningKey issuerKey = ValidatorTestKit.Key;
        var validator = new NestedJwtValidator<AnyAccessTokenClaims>(RecipientKey(algorithm), new JwtKeySet(issuerKey), Policy());

        // The attacker can encrypt, but cannot sign: an inner token signed with another key, or none at all, is refused.
        JwtEncryptionKey attackerEncrypts = algorithm is JweAlgorithm.RsaOaep or JweAlgorithm.RsaOaep256
            ? JwtEncryptionKey.FromRsa(PublicRsa(), algorithm, JweEncryption.A256GCM, "enc-1")
            : JwtEncryptionKey.FromECDiffieHellman(PublicEc(), algorithm, JweEncryption.A256GCM, "enc-1");
        string forged = JweWriter.WriteNested(new AnyAccessTokenClaims(), ValidatorTestKit.OtherKey, attackerEncrypts);
        Assert.Equal(JwtErrorCode.InvalidSignature, validator.Validate(forged.AsSpan()).Code);

        string genuine = JweWriter.WriteNested(new AnyAccessTokenClaims(), issuerKey, attackerEncrypts);
        Assert.Equal(JwtError.None, validator.Validate(genuine.AsSpan()));
    }

    [Fact]
    public void A_key_list_that_mixes_shared_secrets_with_public_keys_is_refused()
    {
        // F2: with such a list, a token names the public key's kid and bypasses the secret.
        JwtEncryptionKey secret = JwtEncryptionKey.CreateDirect(JweEncryption.A256GCM, new byte[32], "secret");
        JwtEncryptionKey publicKey = JwtEncryptionKey.FromRsa(RecipientRsa, JweAlgorithm.RsaOaep256, JweEncryption.A256GCM, "enc-1");
        JwtEncryptionKey wrap = JwtEncryptionKey.CreateAesKeyWrap(JweAlgorithm.A256KW, JweEncryption.A256GCM, new byte[32], "wrap");

        // Refused even where public-key encryption is otherwise allowed: by the opt-in, and in the outer layer of a nested token.
        Assert.Contains("mix", Assert.Throws<ArgumentException>(() => new JweValidator<AnyAccessTokenClaims>(new JwtEncryptionKeySet([secret, publicKey]), Policy(acceptUnauthenticatedSenders: true))).Message);
        Assert.Contains("mix", Assert.Throws<ArgumentException>(() => new JweValidator<AnyAccessTokenClaims>(new JwtEncryptionKeySet([secret, publicKey]), Policy())).Message);
        Assert.Contains("mix", Assert.Throws<ArgumentException>(() => new NestedJwtValidator<AnyAccessTokenClaims>(new JwtEncryptionKeySet([publicKey, wrap]), new JwtKeySet(ValidatorTestKit.Key), Policy())).Message);

        // One kind at a time is fine.
        var shared = new JweValidator<AnyAccessTokenClaims>(new JwtEncryptionKeySet([secret, wrap]), Policy());
        Assert.Equal(JwtError.None, shared.Validate(JweWriter.Write(new AnyAccessTokenClaims(), wrap).AsSpan()));
        Assert.Equal(JwtError.None, shared.Validate(JweWriter.Write(new AnyAccessTokenClaims(), secret).AsSpan()));
    }
}
