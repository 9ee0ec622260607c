using System.Text;
using TypedJwt.Tests.Jws;

namespace TypedJwt.Tests.Jwe;

/// <summary>Sign-then-encrypt (RFC 7519 §11.2): both layers are verified, and neither layer is accepted in the other's place.</summary>
public class NestedJwtTests
{
    private static readonly JwtEncryptionKey EncryptionKey = JweTestKit.KeyFor(JweAlgorithm.RsaOaep256, JweEncryption.A256GCM);
    private static readonly JwtKeySet SigningKeys = new(ValidatorTestKit.Key);

    private static SealedAccessToken Token(long expiresIn = 600) => new()
    {
        Issuer = "https://issuer.example",
        Audience = "api",
        ExpiresAt = ValidatorTestKit.Now.AddSeconds(expiresIn),
        Subject = "alice",
        Password = "hunter2",
    };

    private static NestedJwtValidator<SealedAccessToken> Validator() => new(EncryptionKey, SigningKeys, JweTestKit.Policy());

    [Fact]
    public void Nested_token_round_trips_through_both_layers()
    {
        string token = JweWriter.WriteNested(Token(), ValidatorTestKit.Key, EncryptionKey);

        string header = Encoding.UTF8.GetString(Convert.FromBase64String(token.Split('.')[0] + "=="[..((4 - (token.Split('.')[0].Length % 4)) % 4)]));
        Assert.Equal("""{"alg":"RSA-OAEP-256","enc":"A256GCM","cty":"JWT","kid":"e1"}""", header);
        Assert.True(Validator().TryValidate(token, out SealedAccessToken? read, out JwtError error), error.Message);
        Assert.Equal(Token(), read);
    }

    [Fact]
    public void Inner_signature_is_verified()
    {
        string token = JweWriter.WriteNested(Token(), ValidatorTestKit.OtherKey, EncryptionKey);

        Assert.Equal(JwtErrorCode.InvalidSignature, Validator().Validate(token.AsSpan()).Code);
    }

    [Fact]
    public void Inner_claims_are_validated()
    {
        string token = JweWriter.WriteNested(Token(expiresIn: -3600), ValidatorTestKit.Key, EncryptionKey);

        Assert.Equal(JwtErrorCode.Expired, Validator().Validate(token.AsSpan()).Code);
    }

    [Fact]
    public void Outer_layer_is_decrypted_first()
    {
        string token = JweWriter.WriteNested(Token(), ValidatorTestKit.Key, JweTestKit.KeyFor(JweAlgorithm.A256KW, JweEncryption.A256GCM));

        Assert.Equal(JwtError.Create(JwtErrorCode.AlgorithmMismatch, "alg"), Validator().Validate(token.AsSpan()));
    }

    [Fact]
    public void Layers_cannot_stand_in_for_each_other()
    {
        string nested = JweWriter.WriteNested(Token(), ValidatorTestKit.Key, EncryptionKey);
        string signedOnly = JwsWriter.Write(Token(), ValidatorTestKit.Key);
        string encryptedOnly = JweWriter.Write(Token(), EncryptionKey);

        // A bare JWS, or a JWE of claims without cty: JWT, is not a nested token.
        Assert.Equal(JwtErrorCode.SignedTokenNotExpected, Validator().Validate(signedOnly.AsSpan()).Code);
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidContentType, "cty"), Validator().Validate(encryptedOnly.AsSpan()));

        // A nested token is not a JWE of claims, nor a JWS.
        // (A plain-JWE validator refuses a public-key decryption key unless it opts in; even then a nested token is not a claims set.)
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidContentType, "cty"), new JweValidator<SealedAccessToken>(EncryptionKey, JweTestKit.AcceptingUnauthenticatedSenders()).Validate(nested.AsSpan()));
        Assert.Equal(JwtErrorCode.EncryptedTokenNotExpected, new JwtValidator<SealedAccessToken>(ValidatorTestKit.Key, JweTestKit.Policy()).Validate(nested.AsSpan()).Code);
    }

    [Fact]
    public void Inner_token_must_be_signed_not_encrypted_again()
    {
        // Hand-made: an outer dir JWE with cty JWT whose plaintext is itself a JWE.
        byte[] cek = JweTestKit.Bytes(32, 3);
        JwtEncryptionKey outerKey = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, cek, "e1");
        string innerJwe = JweWriter.Write(Token(), outerKey);
        string token = JweTestKit.HandMade("""{"alg":"dir","enc":"A128CBC-HS256","cty":"JWT","kid":"e1"}""", innerJwe, cek, JweEncryption.A128CbcHS256);

        Assert.Equal(JwtErrorCode.EncryptedTokenNotExpected, new NestedJwtValidator<SealedAccessToken>(outerKey, SigningKeys, JweTestKit.Policy()).Validate(token.AsSpan()).Code);
    }

    [Fact]
    public void Inner_typ_is_required()
    {
        // The inner JWS is written for a payload type without TokenType (typ: JWT); the validator wants at+jwt.
        byte[] cek = JweTestKit.Bytes(32, 3);
        JwtEncryptionKey key = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, cek, "e1");
        string inner = JwsWriter.Write(new Support.AnyClaims(), ValidatorTestKit.Key);
        string token = JweTestKit.HandMade("""{"alg":"dir","enc":"A128CBC-HS256","cty":"jwt","kid":"e1"}""", inner, cek, JweEncryption.A128CbcHS256);

        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidTokenType, "typ"), new NestedJwtValidator<SealedAccessToken>(key, SigningKeys, JweTestKit.Policy()).Validate(token.AsSpan()));
    }
}
