using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>Token creation: header contents, exact sizes, round trip through the validator.</summary>
public class JwsWriterTests
{
    [Fact]
    public void Header_carries_alg_typ_and_kid_in_that_order()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), Key);
        string header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0]));
        Assert.Equal("""{"alg":"HS256","typ":"at+jwt","kid":"k1"}""", header);
    }

    [Fact]
    public void Untyped_payload_is_issued_as_JWT_and_a_key_without_kid_writes_none()
    {
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS512, new byte[64]);
        string token = JwsWriter.Write(new AnyClaims(), key);
        string header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0]));
        Assert.Equal("""{"alg":"HS512","typ":"JWT"}""", header);
        Assert.Equal("{}", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1])));
    }

    [Fact]
    public void Created_token_validates()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), Key);
        Assert.True(Validator().TryValidate(token, out AnyAccessTokenClaims? claims, out JwtError error), error.Message);
        Assert.NotNull(claims);
    }

    [Fact]
    public void Span_and_string_forms_produce_the_same_token()
    {
        var destination = new byte[512];
        Assert.True(JwsWriter.TryWrite(new AnyAccessTokenClaims(), Key, destination, out int written));
        Assert.Equal(JwsWriter.Write(new AnyAccessTokenClaims(), Key), Encoding.ASCII.GetString(destination, 0, written));
    }

    [Fact]
    public void Too_small_destination_returns_false_and_exact_size_succeeds()
    {
        int length = JwsWriter.Write(new AnyAccessTokenClaims(), Key).Length;
        Assert.False(JwsWriter.TryWrite(new AnyAccessTokenClaims(), Key, new byte[length - 1], out _));
        Assert.True(JwsWriter.TryWrite(new AnyAccessTokenClaims(), Key, new byte[length], out int written));
        Assert.Equal(length, written);
    }

    [Fact]
    public void Payload_json_is_what_the_payload_type_wrote()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), Key);
        using JsonDocument payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Equal("https://issuer.example", payload.RootElement.GetProperty("iss").GetString());
        Assert.Equal(4102444800, payload.RootElement.GetProperty("exp").GetInt64());
    }
}
