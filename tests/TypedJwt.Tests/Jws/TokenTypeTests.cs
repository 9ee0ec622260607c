using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// Explicit typing (RFC 8725 §3.11-3.12), security review F8 and F9. A payload type's <c>TokenType</c> is required in
/// <c>typ</c>; a type without one accepts only <c>JWT</c> or no <c>typ</c>, so a token of another kind (a logout token, a
/// DPoP proof, a security event) is never taken for it. Both sides are compared as media types (RFC 7515 §4.1.9), so a
/// <c>TokenType</c> written with its <c>application/</c> prefix matches too, TypedJwt's own tokens first of all.
/// </summary>
public class TokenTypeTests
{
    private static string Header(string? typ) => typ is null
        ? """{"alg":"HS256","kid":"k1"}"""
        : $$"""{"alg":"HS256","typ":"{{typ}}","kid":"k1"}""";

    private static JwtError ValidateUntyped(string? typ) =>
        new JwtValidator<AnyClaims>(ValidatorTestKit.Key, ValidatorTestKit.Policy())
            .Validate(HandMadeToken.Sign(Header(typ), ValidatorTestKit.ValidPayload(), ValidatorTestKit.Key));

    [Theory]
    [InlineData(null)]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("application/jwt")]
    [InlineData("Application/JWT")]
    public void A_payload_type_without_TokenType_accepts_JWT_or_no_typ(string? typ)
    {
        Assert.Equal(JwtError.None, ValidateUntyped(typ));
    }

    [Theory]
    [InlineData("logout+jwt")]
    [InlineData("dpop+jwt")]
    [InlineData("secevent+jwt")]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    [InlineData("JOSE")]
    [InlineData("text/jwt")]
    [InlineData("")]
    public void A_payload_type_without_TokenType_refuses_tokens_of_another_type(string typ)
    {
        JwtError error = ValidateUntyped(typ);

        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidTokenType, "typ"), error);
        Assert.Contains("TokenType", error.Message);
    }

    [Theory]
    [InlineData("at+jwt")]
    [InlineData("AT+JWT")]
    [InlineData("application/at+jwt")]
    [InlineData("APPLICATION/At+Jwt")]
    public void A_TokenType_matches_as_a_media_type_on_both_sides(string typ)
    {
        string token = HandMadeToken.Sign(Header(typ), ValidatorTestKit.ValidPayload(), ValidatorTestKit.Key);

        Assert.Equal(JwtError.None, ValidatorTestKit.Validator().Validate(token));
        Assert.Equal(JwtError.None, new JwtValidator<PrefixedAccessTokenClaims>(ValidatorTestKit.Key, ValidatorTestKit.Policy()).Validate(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("JWT")]
    [InlineData("application/at+jwt/x")]
    [InlineData("application/")]
    [InlineData("at")]
    public void A_TokenType_is_required(string? typ)
    {
        string token = HandMadeToken.Sign(Header(typ), ValidatorTestKit.ValidPayload(), ValidatorTestKit.Key);

        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidTokenType, "typ"), new JwtValidator<PrefixedAccessTokenClaims>(ValidatorTestKit.Key, ValidatorTestKit.Policy()).Validate(token));
    }

    [Fact]
    public void A_TokenType_declared_with_its_prefix_validates_the_tokens_TypedJwt_writes_for_it()
    {
        string signed = JwsWriter.Write(new PrefixedAccessTokenClaims(), ValidatorTestKit.Key);
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.A256KW, JweEncryption.A256GCM);
        string encrypted = JweWriter.Write(new PrefixedAccessTokenClaims(), key);
        string nested = JweWriter.WriteNested(new PrefixedAccessTokenClaims(), ValidatorTestKit.Key, key);

        Assert.Equal(JwtError.None, new JwtValidator<PrefixedAccessTokenClaims>(ValidatorTestKit.Key, ValidatorTestKit.Policy()).Validate(signed));
        Assert.Equal(JwtError.None, new JweValidator<PrefixedAccessTokenClaims>(key, ValidatorTestKit.Policy()).Validate(encrypted.AsSpan()));
        Assert.Equal(JwtError.None, new NestedJwtValidator<PrefixedAccessTokenClaims>(key, new JwtKeySet(ValidatorTestKit.Key), ValidatorTestKit.Policy()).Validate(nested.AsSpan()));

        // And the unprefixed type reads them too: one media type.
        Assert.Equal(JwtError.None, ValidatorTestKit.Validator().Validate(signed));
    }

    [Theory]
    [InlineData("dpop+jwt")]
    [InlineData("logout+jwt")]
    public void Encrypted_and_nested_tokens_of_another_type_are_refused_too(string typ)
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.Direct, JweEncryption.A128CbcHS256);
        byte[] cek = JweTestKit.Bytes(JweTestKit.ContentKeySize(JweEncryption.A128CbcHS256), 1);
        string encrypted = JweTestKit.HandMade($$"""{"alg":"dir","enc":"A128CBC-HS256","typ":"{{typ}}"}""", ValidatorTestKit.ValidPayload(), cek, JweEncryption.A128CbcHS256);
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidTokenType, "typ"), new JweValidator<AnyClaims>(key, ValidatorTestKit.Policy()).Validate(encrypted.AsSpan()));

        // Nested: the inner, signed header is the one that counts; the outer header's typ is never trusted.
        string inner = HandMadeToken.Sign(Header(typ), ValidatorTestKit.ValidPayload(), ValidatorTestKit.Key);
        string nested = JweTestKit.HandMade("""{"alg":"dir","enc":"A128CBC-HS256","cty":"JWT","typ":"JWT"}""", inner, cek, JweEncryption.A128CbcHS256);
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidTokenType, "typ"), new NestedJwtValidator<AnyClaims>(key, new JwtKeySet(ValidatorTestKit.Key), ValidatorTestKit.Policy()).Validate(nested.AsSpan()));
    }

    [Fact]
    public void The_nested_content_type_is_a_media_type_too()
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.Direct, JweEncryption.A128CbcHS256);
        byte[] cek = JweTestKit.Bytes(JweTestKit.ContentKeySize(JweEncryption.A128CbcHS256), 1);
        string inner = HandMadeToken.Sign(Header("JWT"), ValidatorTestKit.ValidPayload(), ValidatorTestKit.Key);
        var validator = new NestedJwtValidator<AnyClaims>(key, new JwtKeySet(ValidatorTestKit.Key), ValidatorTestKit.Policy());

        foreach (string cty in new[] { "JWT", "jwt", "application/JWT" })
        {
            string nested = JweTestKit.HandMade($$"""{"alg":"dir","enc":"A128CBC-HS256","cty":"{{cty}}"}""", inner, cek, JweEncryption.A128CbcHS256);
            Assert.Equal(JwtError.None, validator.Validate(nested.AsSpan()));
        }
    }

    /// <summary>An access token type whose <c>TokenType</c> is written with its <c>application/</c> prefix (F9).</summary>
    private sealed class PrefixedAccessTokenClaims : IJwtPayload<PrefixedAccessTokenClaims>
    {
        public static string? TokenType => "application/at+jwt";

        public void WriteJson(Utf8JsonWriter writer) => new AnyAccessTokenClaims().WriteJson(writer);

        public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out PrefixedAccessTokenClaims value, out JwtError error)
        {
            var registered = default(JwtRegisteredClaims);
            return TryReadJson(ref reader, in options, ref registered, out value, out error);
        }

        public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, ref JwtRegisteredClaims registered, [MaybeNullWhen(false)] out PrefixedAccessTokenClaims value, out JwtError error)
        {
            value = AnyClaims.TrySkipObject(ref reader, in options, ref registered, out error) ? new PrefixedAccessTokenClaims() : null;
            return value is not null;
        }

        public JwtError ValidateConstraints() => default;

        public void VisitClaims(IJwtClaimVisitor visitor) => new AnyAccessTokenClaims().VisitClaims(visitor);
    }
}
