using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TypedJwt.Benchmarks.Harness;

/// <summary>
/// The median of a benchmark divided by the median of a reference benchmark of the same class and category, found by
/// method name (<c>Create_Floor</c> is the floor of <c>Create_TypedJwt</c>). Medians, because the machine is shared and
/// noisy; both sides come from the same run. Empty where the class has no such reference (Jwt.Net's HMAC floor in ES256).
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

    public string Legend => $"Median divided by the median of '{reference}' in the same class and category";

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
        double? value = summary[benchmarkCase]?.ResultStatistics?.Median;
        double? baseline = referenceCase is null ? null : summary[referenceCase]?.ResultStatistics?.Median;
        return value is { } v && baseline is > 0 ? (v / baseline.Value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
