using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// What every claim-set rule (TJ0003-TJ0009: the generator's own checks, reported by <c>JwtClaimSetAnalyzer</c> with the
/// generator's parser) promises: the analyzer reports it at the member or type identifier and not on the corrected code, and
/// the generator skips the type without throwing, emitting or reporting, so bad input never becomes broken generated code.
/// </summary>
internal static class ClaimSetRule
{
    public static void AssertReportedAtTheIdentifierAndNotOnCompliantCode(string id, string identifier, string bad, string good)
    {
        Diagnostic diagnostic = Harness.AssertSingle(id, identifier, Harness.Analyze(Harness.Usings + bad));
        Assert.True(diagnostic.Location.IsInSource);

        Assert.Empty(Harness.Analyze(Harness.Usings + good));
    }

    public static void AssertTheGeneratorSkipsTheType(string bad)
    {
        (GeneratorDriverRunResult result, Compilation output) = Harness.Run(Harness.Usings + bad);
        Assert.Null(result.Results[0].Exception);
        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }
}
