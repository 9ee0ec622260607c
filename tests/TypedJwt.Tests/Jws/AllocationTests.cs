using System.Text;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// Allocation budgets, which are deterministic: bytes allocated on this thread across many calls, after warm-up.
/// (Timing belongs to the benchmarks, not here.)
/// </summary>
public class AllocationTests
{
    private const int Iterations = 100;

    internal static long AllocatedBy(Action action)
    {
        action();
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Creating_into_a_span_allocates_nothing()
    {
        var claims = new AnyAccessTokenClaims();
        var destination = new byte[512];
        Assert.Equal(0, AllocatedBy(() => JwsWriter.TryWrite(claims, Key, destination, out _)));
    }

    [Fact]
    public void Creating_a_string_allocates_only_the_string()
    {
        var claims = new AnyAccessTokenClaims();
        int length = JwsWriter.Write(claims, Key).Length;
        long perString = AllocatedBy(() => _ = new string('x', length)) / Iterations;
        Assert.Equal(perString * Iterations, AllocatedBy(() => JwsWriter.Write(claims, Key)));
    }

    [Fact]
    public void Validating_bytes_without_materializing_allocates_nothing()
    {
        byte[] token = Encoding.ASCII.GetBytes(JwsWriter.Write(new AnyAccessTokenClaims(), Key));
        JwtValidator<AnyAccessTokenClaims> validator = Validator();
        Assert.Equal(JwtError.None, validator.Validate(token));
        Assert.Equal(0, AllocatedBy(() => validator.Validate(token)));
    }

    [Fact]
    public void Validating_chars_without_materializing_allocates_nothing()
    {
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), Key);
        JwtValidator<AnyAccessTokenClaims> validator = Validator();
        Assert.Equal(0, AllocatedBy(() => validator.Validate(token.AsSpan())));
    }

    [Fact]
    public void Rejecting_a_hostile_token_allocates_nothing()
    {
        JwtValidator<AnyAccessTokenClaims> validator = Validator();
        byte[] forged = Encoding.ASCII.GetBytes(HandMadeToken.Sign(ValidHeader, ValidPayload(), OtherKey));
        byte[] duplicate = Encoding.ASCII.GetBytes(HandMadeToken.Sign(ValidHeader, ValidPayload(""","\u0065xp":1"""), Key));
        Assert.Equal(0, AllocatedBy(() => validator.Validate(forged)));
        Assert.Equal(0, AllocatedBy(() => validator.Validate(duplicate)));
    }
}
