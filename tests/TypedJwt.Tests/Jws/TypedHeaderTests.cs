using System.Buffers.Text;
using System.Text;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>Typed headers: extra parameters written after alg/typ/kid, and read back after the signature is checked.</summary>
public class TypedHeaderTests
{
    [Fact]
    public void Typed_parameters_follow_the_registered_ones()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), new TenantHeader("acme"), Key);
        string header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0]));
        Assert.Equal("""{"alg":"HS256","typ":"at+jwt","kid":"k1","tenant":"acme"}""", header);
    }

    [Fact]
    public void Empty_typed_header_writes_only_the_registered_parameters()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), new TenantHeader(null), Key);
        Assert.Equal("""{"alg":"HS256","typ":"at+jwt","kid":"k1"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0])));
    }

    [Fact]
    public void Typed_header_round_trips_through_the_validator()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), new TenantHeader("acme"), Key);
        Assert.True(Validator().TryValidate<TenantHeader>(token.AsSpan(), out _, out TenantHeader? header, out JwtError error), error.Message);
        Assert.Equal("acme", header!.Tenant);
    }

    [Fact]
    public void Header_constraints_are_checked()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), new TenantHeader(""), Key);
        Assert.False(Validator().TryValidate<TenantHeader>(token.AsSpan(), out _, out _, out JwtError error));
        Assert.Equal(JwtError.Create(JwtErrorCode.ConstraintViolated, "tenant"), error);
    }
}
