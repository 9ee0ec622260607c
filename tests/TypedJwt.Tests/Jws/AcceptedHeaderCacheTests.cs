using System.Text;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// A validator remembers the headers of tokens whose signature it verified (AcceptedHeaderCache). A remembered header
/// must change nothing a token is judged on: the signature, payload and claims of every token are still checked, and
/// only tokens signed by a key of the set can put a header into the cache.
/// </summary>
public class AcceptedHeaderCacheTests
{
    [Fact]
    public void A_remembered_header_still_has_every_other_part_checked()
    {
        JwtValidator<AnyAccessTokenClaims> validator = Validator();
        Assert.Equal(JwtError.None, validator.Validate(HandMadeToken.Sign(ValidHeader, ValidPayload(), Key)));

        Assert.Equal(JwtErrorCode.InvalidSignature, validator.Validate(HandMadeToken.Sign(ValidHeader, ValidPayload(), OtherKey)).Code);
        Assert.Equal(JwtError.Create(JwtErrorCode.Expired, "exp"), validator.Validate(HandMadeToken.Sign(ValidHeader, $$"""{"iss":"https://issuer.example","aud":"api","exp":{{NowSeconds - 600}}}""", Key)));
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidAudience, "aud"), validator.Validate(HandMadeToken.Sign(ValidHeader, ValidPayload().Replace("\"api\"", "\"other\""), Key)));
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidBase64Url, "payload"), validator.Validate(HandMadeToken.Encode(ValidHeader) + ".e!30." + "AAAA"));
        Assert.Equal(JwtError.None, validator.Validate(HandMadeToken.Sign(ValidHeader, ValidPayload(), Key)));
    }

    [Fact]
    public void Headers_that_differ_by_a_byte_are_read_afresh()
    {
        JwtValidator<AnyAccessTokenClaims> validator = Validator();
        Assert.Equal(JwtError.None, validator.Validate(HandMadeToken.Sign(ValidHeader, ValidPayload(), Key)));
        Assert.Equal(JwtError.Create(JwtErrorCode.KeyNotFound, "kid"), validator.Validate(HandMadeToken.Sign("""{"alg":"HS256","typ":"at+jwt","kid":"k2"}""", ValidPayload(), Key)));
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidTokenType, "typ"), validator.Validate(HandMadeToken.Sign("""{"alg":"HS256","typ":"at+jwx","kid":"k1"}""", ValidPayload(), Key)));
        Assert.Equal(JwtErrorCode.DuplicateMember, validator.Validate(HandMadeToken.Sign("""{"alg":"HS256","typ":"at+jwt","kid":"k1","kid":"k1"}""", ValidPayload(), Key)).Code);
    }

    [Fact]
    public void A_typed_header_is_read_from_a_remembered_header_too()
    {
        JwtValidator<AnyAccessTokenClaims> validator = Validator();
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), new TenantHeader("acme"), Key);
        for (int i = 0; i < 2; i++)
        {
            Assert.True(validator.TryValidate<TenantHeader>(token.AsSpan(), out _, out TenantHeader? header, out JwtError error), error.Message);
            Assert.Equal("acme", header!.Tenant);
        }
    }

    [Fact]
    public void Tokens_of_several_keys_and_headers_validate_without_allocating()
    {
        JwtSigningKey first = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, new byte[32], "a");
        JwtSigningKey second = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Enumerable.Repeat((byte)7, 32).ToArray(), "b");
        var validator = new JwtValidator<AnyAccessTokenClaims>(new JwtKeySet([first, second]), Policy());
        byte[][] tokens =
        [
            Encoding.ASCII.GetBytes(JwsWriter.Write(new AnyAccessTokenClaims(), first)),
            Encoding.ASCII.GetBytes(JwsWriter.Write(new AnyAccessTokenClaims(), second)),
            Encoding.ASCII.GetBytes(JwsWriter.Write(new AnyClaims(), first)),
        ];

        long allocated = AllocationTests.AllocatedBy(() =>
        {
            foreach (byte[] token in tokens)
            {
                validator.Validate(token);
            }
        });
        Assert.Equal(0, allocated);
        Assert.All(tokens.Take(2), token => Assert.Equal(JwtError.None, validator.Validate(token)));
    }
}
