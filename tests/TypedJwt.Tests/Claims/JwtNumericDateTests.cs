using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TypedJwt.Tests.Claims;

public class JwtNumericDateTests
{
    [Theory]
    [InlineData("2030-01-01T00:00:00.9999999Z", "1893456000")]
    [InlineData("2030-01-01T00:00:00Z", "1893456000")]
    [InlineData("1969-12-31T23:59:59.5Z", "-1")]
    public void Writes_whole_seconds_rounded_down(string date, string expected)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JwtNumericDate.WriteValue(writer, DateTimeOffset.Parse(date));
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("1893456000.25", 1893456000_2500000L)]
    [InlineData("1893456000", 1893456000_0000000L)]
    [InlineData("1.5e9", 1500000000_0000000L)]
    [InlineData("-62135596800", -62135596800_0000000L)]
    public void Reads_integers_and_fractions(string json, long ticksSinceEpoch)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        Assert.True(JwtNumericDate.TryRead(ref reader, "exp", out DateTimeOffset value, out _));
        Assert.Equal(ticksSinceEpoch, value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
    }

    [Theory]
    [InlineData("\"1893456000\"", JwtErrorCode.InvalidClaimType)]
    [InlineData("null", JwtErrorCode.InvalidClaimType)]
    [InlineData("253402300800", JwtErrorCode.InvalidClaimValue)]
    [InlineData("-62135596801", JwtErrorCode.InvalidClaimValue)]
    [InlineData("1e300", JwtErrorCode.InvalidClaimValue)]
    public void Rejects_what_is_not_a_representable_number(string json, JwtErrorCode code)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        Assert.False(JwtNumericDate.TryRead(ref reader, "exp", out _, out JwtError error));
        Assert.Equal(JwtError.Create(code, "exp"), error);
    }
}
