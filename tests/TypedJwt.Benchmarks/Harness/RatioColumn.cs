using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TypedJwt.Benchmarks.Harness;

/// <summary>
/// The fastest iteration of a benchmark divided by the fastest iteration of a reference benchmark of the same class and
/// category, found by method name (<c>Create_Floor</c> is the floor of <c>Create_TypedJwt</c>); "-" where the class has
/// no such reference (the reused-HMAC floor outside HS256). The minimum rather than the mean or median because the
/// machine is shared: other processes only ever add time, benchmarks of one class run one after another under changing
/// load, and the least-disturbed iteration (each one still averages thousands of calls) is the comparable figure.
/// </summary>
internal sealed class RatioColumn(string reference, string header) : IColumn
{
    public string Id => nameof(RatioColumn) + reference;

    public string ColumnName => header;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Fastest iteration divided by the fastest iteration of '{reference}' in the same class and category";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        int separator = method.IndexOf('_');
        if (separator < 0)
        {
            return "-";
        }

        string referenceMethod = method[..(separator + 1)] + reference;
        BenchmarkCase? referenceCase = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == benchmarkCase.Descriptor.Type
            && c.Descriptor.WorkloadMethod.Name == referenceMethod
            && c.Job == benchmarkCase.Job
            && c.Parameters.ValueInfo == benchmarkCase.Parameters.ValueInfo);
        double? value = summary[benchmarkCase]?.ResultStatistics?.Min;
        double? baseline = referenceCase is null ? null : summary[referenceCase]?.ResultStatistics?.Min;
        return value is { } v && baseline is > 0 ? (v / baseline.Value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
