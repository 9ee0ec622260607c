using System.Buffers.Text;
using System.Text;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// A key remembers the encoded header it writes per payload type (EncodedHeaderCache); a token written from the cache
/// must be byte for byte the token written without it, and each payload type must keep its own <c>typ</c>.
/// </summary>
public class EncodedHeaderCacheTests
{
    [Fact]
    public void Tokens_written_from_the_cache_equal_the_first_token()
    {
        JwtSigningKey key = NewKey("cache-1");
        string first = JwsWriter.Write(new AnyAccessTokenClaims(), key);
        Assert.Equal(first, JwsWriter.Write(new AnyAccessTokenClaims(), key));
        Assert.Equal("""{"alg":"HS256","typ":"at+jwt","kid":"cache-1"}""", Header(first));
    }

    [Fact]
    public void Each_payload_type_keeps_its_own_typ_on_one_key()
    {
        JwtSigningKey key = NewKey(null);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal("""{"alg":"HS256","typ":"at+jwt"}""", Header(JwsWriter.Write(new AnyAccessTokenClaims(), key)));
            Assert.Equal("""{"alg":"HS256","typ":"JWT"}""", Header(JwsWriter.Write(new AnyClaims(), key)));
        }
    }

    [Fact]
    public void A_typed_header_is_never_taken_from_or_put_into_the_cache()
    {
        JwtSigningKey key = NewKey("cache-2");
        JwsWriter.Write(new AnyAccessTokenClaims(), key);
        Assert.Equal("""{"alg":"HS256","typ":"at+jwt","kid":"cache-2","tenant":"acme"}""", Header(JwsWriter.Write(new AnyAccessTokenClaims(), new TenantHeader("acme"), key)));
        Assert.Equal("""{"alg":"HS256","typ":"at+jwt","kid":"cache-2"}""", Header(JwsWriter.Write(new AnyAccessTokenClaims(), key)));
    }

    [Fact]
    public void Keys_do_not_share_headers()
    {
        JwtSigningKey first = NewKey("first");
        JwtSigningKey second = NewKey("second");
        JwsWriter.Write(new AnyAccessTokenClaims(), first);
        Assert.Equal("""{"alg":"HS256","typ":"at+jwt","kid":"second"}""", Header(JwsWriter.Write(new AnyAccessTokenClaims(), second)));
    }

    [Fact]
    public void A_full_cache_still_writes_correct_headers()
    {
        var cache = new EncodedHeaderCache();
        for (int i = 0; i < 20; i++)
        {
            cache.Add($"type{i}", Encoding.ASCII.GetBytes($"h{i}"));
        }

        Assert.True(cache.TryGet("type7", out ReadOnlySpan<byte> seventh));
        Assert.Equal("h7", Encoding.ASCII.GetString(seventh));
        Assert.False(cache.TryGet("type8", out _));
        Assert.False(cache.TryGet(null, out _));
    }

    private static JwtSigningKey NewKey(string? keyId) => JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, new byte[32], keyId);

    private static string Header(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0]));
}
