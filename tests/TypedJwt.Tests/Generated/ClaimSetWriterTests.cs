using System.Buffers;
using System.Text;

namespace TypedJwt.Tests.Generated;

[JwtPayload]
public sealed partial record UrnClaims
{
    [JwtClaim("urn:example:a+b")] public string? Value { get; init; }
}

/// <summary>Generated claim sets written straight into a caller's span or buffer writer.</summary>
public class ClaimSetWriterTests
{
    private static readonly AccessToken Claims = new()
    {
        Issuer = "https://issuer",
        Subject = "alice+bob",
        Audience = "api",
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        Roles = ["user"],
    };

    private const string Expected =
        """{"iss":"https://issuer","sub":"alice+bob","aud":"api","exp":1700000000,"roles":["user"],"tenant_id":"00000000-0000-0000-0000-000000000000","admin":false}""";

    [Fact]
    public void Writes_into_a_span_with_json_only_escaping()
    {
        var destination = new byte[512];
        Assert.True(JwtClaimSetWriter.TryWriteJson(Claims, destination, out int written));
        Assert.Equal(Expected, Encoding.UTF8.GetString(destination, 0, written));
    }

    [Fact]
    public void Claim_names_are_escaped_only_as_json_requires()
    {
        var destination = new byte[64];
        Assert.True(JwtClaimSetWriter.TryWriteJson(new UrnClaims { Value = "<b>" }, destination, out int written));
        Assert.Equal("""{"urn:example:a+b":"<b>"}""", Encoding.UTF8.GetString(destination, 0, written));
    }

    [Fact]
    public void Too_small_span_returns_false()
    {
        Assert.False(JwtClaimSetWriter.TryWriteJson(Claims, new byte[Expected.Length - 1], out int written));
        Assert.Equal(0, written);
        Assert.True(JwtClaimSetWriter.TryWriteJson(Claims, new byte[Expected.Length], out written));
        Assert.Equal(Expected.Length, written);
    }

    [Fact]
    public void Writes_into_a_buffer_writer_and_the_thread_writer_recovers()
    {
        var buffer = new ArrayBufferWriter<byte>();
        JwtClaimSetWriter.WriteJson(Claims, buffer);
        Assert.Equal(Expected, Encoding.UTF8.GetString(buffer.WrittenSpan));

        var destination = new byte[512];
        Assert.True(JwtClaimSetWriter.TryWriteJson(Claims, destination, out int written));
        Assert.Equal(Expected, Encoding.UTF8.GetString(destination, 0, written));
        Assert.Equal(Expected.Length, buffer.WrittenCount);
    }

    [Fact]
    public void Writing_into_a_span_allocates_nothing()
    {
        var destination = new byte[512];
        JwtClaimSetWriter.TryWriteJson(Claims, destination, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            JwtClaimSetWriter.TryWriteJson(Claims, destination, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
