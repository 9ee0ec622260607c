using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace TypedJwt.Benchmarks.Harness;

/// <summary>
/// An interleaved measurement of one scenario class, for a machine whose load changes faster than BenchmarkDotNet can
/// move from one benchmark to the next: every round times one short batch of every benchmark, one after another, so
/// all rows are sampled across the same period and each gets the same chances of a quiet moment. A ratio divides the
/// fastest batch of a row by the fastest batch of its reference: other processes only ever add time, so the fastest of
/// many short batches is the least-disturbed cost, and interleaving makes that fair between rows. On Linux a batch is
/// timed in this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so time the thread spends preempted by other processes
/// does not count at all; what remains is cache and core sharing. Run with
/// <c>--paired Hs256</c> (or Rs256, Ps256, Es256, HostileHeaders, RevocationCheck). Timing only: allocations come from the BenchmarkDotNet run.
/// </summary>
internal static class PairedRun
{
    private const int Rounds = 301;
    private static readonly TimeSpan BatchTime = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan WarmupTime = TimeSpan.FromMilliseconds(100);
    private const int WarmupPasses = 4;
    private static readonly string[] AllReferences = ["IdentityModel", "Floor", "FloorReusedHmac", "FloorJson", "Primitive", "Benign", "NoHook"];

    public static int Run(string className)
    {
        Type type = typeof(PairedRun).Assembly.GetTypes().Single(t => t.Name == className && !t.IsAbstract);
        object scenario = Activator.CreateInstance(type)!;
        type.GetMethods().Single(m => Attribute.IsDefined(m, typeof(GlobalSetupAttribute), inherit: true)).Invoke(scenario, null);

        List<Row> rows = [.. type.GetMethods()
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .Select(m => new Row(m.Name, m.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? m.Name, Batch(scenario, m)))
            .OrderBy(r => r.Method, StringComparer.Ordinal)];

        // Tiered compilation (and dynamic PGO) promotes a method to optimized code only after it has run for a while in
        // the background; batches timed before that measure tier-0 code. Every row first runs for a while, interleaved.
        for (int pass = 0; pass < WarmupPasses; pass++)
        {
            foreach (Row row in rows)
            {
                row.WarmUp(WarmupTime);
            }
        }

        foreach (Row row in rows)
        {
            row.Calibrate();
        }

        for (int round = 0; round < Rounds; round++)
        {
            foreach (Row row in rows)
            {
                row.Sample();
            }
        }

        // Only the references this class has: a column of "-" says nothing.
        string[] references = [.. AllReferences.Where(reference => rows.Any(r => r.Method.EndsWith("_" + reference, StringComparison.Ordinal)))];
        Console.WriteLine($"| {className} | category | min | median | {string.Join(" | ", references.Select(r => "×" + r))} |");
        Console.WriteLine($"|---|---|---:|---:|{string.Concat(references.Select(_ => "---:|"))}");
        foreach (Row row in rows)
        {
            string category = row.Method[..row.Method.IndexOf('_')];
            IEnumerable<string> ratios = references.Select(reference =>
                rows.SingleOrDefault(r => r.Method == category + "_" + reference) is { } other ? Format(row.Min / other.Min) : "-");
            Console.WriteLine($"| {row.Description} | {category.ToLowerInvariant()} | {Micro(row.Min)} | {Micro(row.Median)} | {string.Join(" | ", ratios)} |");
        }

        return 0;
    }

    private static string Micro(double seconds) => (seconds * 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " μs";

    private static string Format(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    // A batch runner bound to the benchmark method through a typed delegate, so the loop costs a direct call per operation.
    private static Func<int, object?> Batch(object scenario, MethodInfo method) =>
        (Func<int, object?>)typeof(PairedRun).GetMethod(nameof(TypedBatch), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.ReturnType)
            .Invoke(null, [method.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), scenario)])!;

    private static Func<int, object?> TypedBatch<T>(Func<T> operation) => count =>
    {
        T last = default!;
        for (int i = 0; i < count; i++)
        {
            last = operation();
        }

        return last;
    };

    private static double Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeClock, out Timespec time) == 0)
        {
            return time.Seconds + time.Nanoseconds * 1e-9;
        }

        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    private const int ThreadCpuTimeClock = 3;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private sealed class Row(string method, string description, Func<int, object?> batch)
    {
        private readonly List<double> _perOperation = [];
        private int _count = 1;

        public string Method { get; } = method;

        public string Description { get; } = description;

        public double Min => _perOperation.Min();

        public double Median => MedianOf(_perOperation);

        public void WarmUp(TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                batch(16);
            }
        }

        public void Calibrate()
        {
            batch(100);
            while (Time(_count) < BatchTime.TotalSeconds / 2)
            {
                _count *= 2;
            }
        }

        public void Sample() => _perOperation.Add(Time(_count) / _count);

        private double Time(int count)
        {
            double start = Now();
            batch(count);
            return Now() - start;
        }

        private static double MedianOf(IEnumerable<double> values)
        {
            double[] sorted = [.. values.Order()];
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
