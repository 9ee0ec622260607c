using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// The benchmark suite: pick scenarios with --filter (for example '*Hs256*'), a job with --job (short, dry), and
// --inProcess to skip per-run project builds. docs/benchmarks.md has the commands and the recorded tables.
// --paired {Hs256|Rs256|Ps256|Es256|HostileHeaders|RevocationCheck} instead times one scenario interleaved (Harness/PairedRun.cs), for noisy machines.
// Exits non-zero when a benchmark fails (a setup check throws, or a run errors), so the CI smoke run catches rot.
// --http {HS256|ES256} [seconds] measures server CPU per request over HTTP, the sample against a JwtBearer host (Http/HttpRun.cs).
if (args is ["--paired", string scenario])
{
    return TypedJwt.Benchmarks.Harness.PairedRun.Run(scenario);
}

if (args is ["--http", string algorithm, ..])
{
    return TypedJwt.Benchmarks.Http.HttpRun.Run(algorithm, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
}

// --revocation-redis HOST:PORT [count] times the revocation check and the one-time mark against a running Redis, once.
if (args is ["--revocation-redis", string redis, ..])
{
    return await TypedJwt.Benchmarks.Revocation.RedisLoopbackRun.RunAsync(redis, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
}

if (args is ["--serve-jwtbearer", ..])
{
    return TypedJwt.Benchmarks.Http.HttpRun.ServeJwtBearer(args[1..]);
}

IConfig config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
    .HideColumns(Column.Error, Column.StdDev)
    .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));

Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();
bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success) || s.Reports.Length < s.BenchmarksCases.Length);
return failed ? 1 : 0;

/// <summary>The entry point's type, for assembly lookup.</summary>
public partial class Program;
