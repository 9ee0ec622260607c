using System.Diagnostics;
using System.Globalization;
using TypedJwt.Redis;

namespace TypedJwt.Benchmarks.Revocation;

/// <summary>
/// A one-off measurement, not a BenchmarkDotNet run: the time of one revocation check (<c>IsRevokedAsync</c>, one MGET of
/// the <c>jti</c> and <c>sub</c> keys) and one one-time mark (<c>SET NX PX</c>) against a Redis the caller started, awaited one
/// after another from one client, as a request does. Run with <c>--revocation-redis 127.0.0.1:6390 [count]</c>; on
/// loopback the figure is mostly the two processes' scheduling, so it says what a same-host Redis costs, not a network's.
/// </summary>
internal static class RedisLoopbackRun
{
    public static async Task<int> RunAsync(string configuration, int count)
    {
        await using RedisJwtRevocationStore store = RedisJwtRevocationStore.Connect(configuration, keyPrefix: $"bench-{Guid.NewGuid():N}:");
        var claims = new JwtRevocationClaims
        {
            Issuer = "https://login.example.com", TokenId = Guid.NewGuid().ToString("D"), Subject = "248289761001",
            IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
        };
        DateTimeOffset keepUntil = DateTimeOffset.UtcNow.AddMinutes(5);
        for (int i = 0; i < 1000; i++)
        {
            await store.IsRevokedAsync(claims, default);
        }

        double[] checks = new double[count];
        double[] marks = new double[count];
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            if (await store.IsRevokedAsync(claims, default))
            {
                throw new InvalidOperationException("the token reads as revoked");
            }

            checks[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            if (!await store.TryMarkUsedAsync(claims.Issuer!, "once-" + i.ToString(CultureInfo.InvariantCulture), keepUntil, default))
            {
                throw new InvalidOperationException("a fresh token was already used");
            }

            marks[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Console.WriteLine($"| Redis on loopback ({configuration}), {count} sequential calls | median | p90 | p99 | mean |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Print("IsRevokedAsync (MGET jti, sub)", checks);
        Print("TryMarkUsedAsync (SET NX PX)", marks);
        Console.WriteLine($"(bytes allocated on this thread over both loops, per call: {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (2.0 * count):0}; continuations may run on others)");
        return 0;
    }

    private static void Print(string what, double[] micros)
    {
        double[] sorted = [.. micros.Order()];
        string At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))].ToString("0", CultureInfo.InvariantCulture) + " μs";
        Console.WriteLine($"| {what} | {At(0.5)} | {At(0.9)} | {At(0.99)} | {micros.Average().ToString("0", CultureInfo.InvariantCulture)} μs |");
    }
}
