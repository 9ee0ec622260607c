using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace TypedJwt.Tests.Generated;

public class AllocationTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        """{"iss":"https://issuer","sub":"alice","aud":"api","exp":1700000000,"iat":1699999000,"roles":["admin","user"],"tenant_id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","admin":true,"unknown":{"a":[1,2]}}""");

    [Fact]
    public void Reading_allocates_no_more_than_building_the_same_object_graph_by_hand()
    {
        ReadOnce();
        BuildOnce();

        long before = GC.GetAllocatedBytesForCurrentThread();
        AccessToken read = ReadOnce();
        long reading = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        AccessToken built = BuildOnce();
        long building = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(built.Subject, read.Subject);
        Assert.True(reading <= building, $"reading allocated {reading} bytes, building by hand {building}");
    }

    [Fact]
    public void Validating_and_reading_allocates_no_more_than_building_the_claims_by_hand()
    {
        // The typed-read budget: the validator may allocate the claims object graph and nothing else.
        JwtValidator<AccessToken> validator = new(Jws.ValidatorTestKit.Key, Jws.ValidatorTestKit.Policy());
        byte[] token = Encoding.ASCII.GetBytes(JwsWriter.Write(BuildValid(), Jws.ValidatorTestKit.Key));
        Assert.True(validator.TryValidate(token, out AccessToken? _, out JwtError error), error.Message);
        BuildValid();

        long before = GC.GetAllocatedBytesForCurrentThread();
        validator.TryValidate(token, out AccessToken? read, out _);
        long reading = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        AccessToken built = BuildValid();
        long building = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(built with { Roles = read!.Roles }, read);
        Assert.Equal(built.Roles.ToArray(), read.Roles.ToArray());
        Assert.True(reading <= building, $"validating and reading allocated {reading} bytes, building by hand {building}");
    }

    [Fact]
    public void Writing_into_a_reused_writer_allocates_nothing()
    {
        AccessToken token = ReadOnce();
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        for (int i = 0; i < 3; i++)
        {
            WriteOnce(token, buffer, writer);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        WriteOnce(token, buffer, writer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    private static void WriteOnce(AccessToken token, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        token.WriteJson(writer);
        writer.Flush();
    }

    private static AccessToken ReadOnce()
    {
        AccessToken.TryReadJson(Payload, out AccessToken? token, out _);
        return token!;
    }

    private static AccessToken BuildValid() => new()
    {
        Issuer = Encoding.UTF8.GetString("https://issuer.example"u8),
        Subject = Encoding.UTF8.GetString("alice"u8),
        Audience = Encoding.UTF8.GetString("api"u8),
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(Jws.ValidatorTestKit.NowSeconds + 600),
        IssuedAt = DateTimeOffset.FromUnixTimeSeconds(Jws.ValidatorTestKit.NowSeconds),
        Roles = ImmutableArray.Create(Encoding.UTF8.GetString("admin"u8), Encoding.UTF8.GetString("user"u8), Encoding.UTF8.GetString("auditor"u8)),
        TenantId = new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        Admin = true,
    };

    // The strings a reader must create from the JSON are created here too, so both sides build the same graph.
    private static AccessToken BuildOnce() => new()
    {
        Issuer = Encoding.UTF8.GetString("https://issuer"u8),
        Subject = Encoding.UTF8.GetString("alice"u8),
        Audience = Encoding.UTF8.GetString("api"u8),
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_699_999_000),
        Roles = ImmutableArray.Create(Encoding.UTF8.GetString("admin"u8), Encoding.UTF8.GetString("user"u8)),
        TenantId = new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        Admin = true,
    };
}
