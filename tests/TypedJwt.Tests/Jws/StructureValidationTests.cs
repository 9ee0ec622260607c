using System.Text;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>Compact Serialization structure, base64url strictness and limits, checked before any cryptography.</summary>
public class StructureValidationTests
{
    private static readonly string Valid = HandMadeToken.Sign(ValidHeader, ValidPayload(), Key);

    [Fact]
    public void Length_is_checked_before_anything_else()
    {
        string huge = new('.', 9000);
        Assert.Equal(JwtErrorCode.TokenTooLong, Validator().Validate(huge).Code);
        Assert.Equal(JwtErrorCode.TokenTooLong, Validator(Policy(p => new JwtValidationPolicy
        {
            ValidIssuers = p.ValidIssuers,
            ValidAudiences = p.ValidAudiences,
            TimeProvider = p.TimeProvider,
            MaxTokenLength = Valid.Length - 1,
        })).Validate(Valid).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("a.b.c.d")]
    [InlineData("a.b.c.d.e.f")]
    public void Wrong_number_of_segments_is_malformed(string token) =>
        Assert.Equal(JwtErrorCode.MalformedToken, Validator().Validate(token).Code);

    [Fact]
    public void Five_segments_is_an_encrypted_token_not_a_signed_one() =>
        Assert.Equal(JwtErrorCode.EncryptedTokenNotExpected, Validator().Validate("eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aGVsbG8.d29ybGQ.dGFn").Code);

    [Theory]
    [InlineData(0, "=")]
    [InlineData(0, " ")]
    [InlineData(0, "+")]
    [InlineData(1, "=")]
    [InlineData(1, "/")]
    [InlineData(2, "==")]
    [InlineData(2, "\n")]
    public void Segment_that_is_not_strict_base64url_is_refused(int segment, string insertion)
    {
        string[] parts = Valid.Split('.');
        parts[segment] += insertion;
        JwtError error = Validator().Validate(string.Join('.', parts));
        Assert.Equal(JwtErrorCode.InvalidBase64Url, error.Code);
        Assert.Equal(new[] { "header", "payload", "signature" }[segment], error.Name);
    }

    [Fact]
    public void Non_canonical_trailing_bits_are_refused()
    {
        // 32-byte HMAC signature: 43 characters, the last carrying 2 unused bits. Setting one changes no decoded byte.
        string[] parts = Valid.Split('.');
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = Alphabet.IndexOf(parts[2][^1]);
        parts[2] = parts[2][..^1] + Alphabet[last | 1];
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidBase64Url, "signature"), Validator().Validate(string.Join('.', parts)));
    }

    [Fact]
    public void Non_ascii_characters_are_malformed_not_thrown() =>
        Assert.Equal(JwtErrorCode.MalformedToken, Validator().Validate(Valid[..10] + "é" + Valid[10..]).Code);

    [Fact]
    public void Null_string_is_malformed()
    {
        Assert.False(Validator().TryValidate((string?)null, out _, out JwtError error));
        Assert.Equal(JwtErrorCode.MalformedToken, error.Code);
    }

    [Fact]
    public void Byte_and_char_and_string_overloads_agree()
    {
        JwtValidator<AnyAccessTokenClaims> validator = Validator();
        Assert.Equal(JwtError.None, validator.Validate(Encoding.ASCII.GetBytes(Valid)));
        Assert.Equal(JwtError.None, validator.Validate(Valid.AsSpan()));
        Assert.True(validator.TryValidate(Valid, out _, out _));
        Assert.True(validator.TryValidate(Encoding.ASCII.GetBytes(Valid), out _, out _));
    }

    [Fact]
    public void Signature_of_another_key_is_invalid() =>
        Assert.Equal(JwtErrorCode.InvalidSignature, Validator().Validate(HandMadeToken.Sign(ValidHeader, ValidPayload(), OtherKey)).Code);

    [Fact]
    public void Truncated_signature_is_invalid() =>
        Assert.Equal(JwtErrorCode.InvalidSignature, Validator().Validate(Valid.AsSpan(0, Valid.Length - 4)).Code);

    [Fact]
    public void Long_tokens_use_pooled_scratch_and_still_validate()
    {
        string padding = new('x', 3000);
        string token = HandMadeToken.Sign(ValidHeader, ValidPayload($$""","note":"{{padding}}" """), Key);
        Assert.True(token.Length > 2048);
        Assert.Equal(JwtError.None, Validator().Validate(token));
        Assert.True(Validator().TryValidate(token, out _, out JwtError error), error.Message);
    }
}
