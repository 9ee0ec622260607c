using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace TypedJwt.Generators.Tests.Rules.SensitiveFlow;

/// <summary>
/// TJ0019's precision and recall on <see cref="FlowCorpus"/>: every case compiled together, each diagnostic attributed to
/// the method it is in. The figures are printed (run with <c>--logger "console;verbosity=detailed"</c>) and are the ones
/// docs/diagnostics/TJ0019.md reports; the test holds them to recall ≥ 95 % and false positives ≤ 2 %.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_is_large_enough_and_labelled_both_ways()
    {
        Assert.True(FlowCorpus.Cases.Length >= 80, FlowCorpus.Cases.Length.ToString());
        Assert.True(FlowCorpus.Cases.Count(c => c.Sensitive) >= 30);
        Assert.True(FlowCorpus.Cases.Count(c => !c.Sensitive) >= 30);
    }

    [Fact]
    public void Recall_is_at_least_95_percent_and_false_positives_at_most_2_percent()
    {
        string methods = string.Join("\n", FlowCorpus.Cases.Select((c, i) => $"    // case {i}\n    public static {c.Method.Replace(" M(", $" Case{i}(")}"));
        Diagnostic[] diagnostics = FlowSources.Analyze(methods, moreModel: FlowCorpus.Model);
        HashSet<int> reported = [.. diagnostics.Select(CaseOf)];

        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        for (int i = 0; i < FlowCorpus.Cases.Length; i++)
        {
            (bool sensitive, string method) = FlowCorpus.Cases[i];
            bool hit = reported.Contains(i);
            if (sensitive && hit) truePositives++;
            else if (sensitive) { falseNegatives++; output.WriteLine($"missed   {i}: {method}"); }
            else if (hit) { falsePositives++; output.WriteLine($"reported {i}: {method}"); }
            else trueNegatives++;
        }

        double recall = (double)truePositives / (truePositives + falseNegatives);
        double precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        double falsePositiveRate = (double)falsePositives / (falsePositives + trueNegatives);
        output.WriteLine($"cases {FlowCorpus.Cases.Length}: TP {truePositives}, FN {falseNegatives}, FP {falsePositives}, TN {trueNegatives}; recall {recall:P1}, precision {precision:P1}, false positives {falsePositiveRate:P1}");
        Assert.True(recall >= 0.95, $"recall {recall:P1}");
        Assert.True(falsePositiveRate <= 0.02, $"false positives {falsePositiveRate:P1}");
    }

    // The method a diagnostic is in: CaseN.
    private static int CaseOf(Diagnostic diagnostic)
    {
        SyntaxNode? node = diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        for (; node is not null; node = node.Parent)
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method && method.Identifier.ValueText.StartsWith("Case", StringComparison.Ordinal))
            {
                return int.Parse(method.Identifier.ValueText["Case".Length..]);
            }
        }

        throw new InvalidOperationException("TJ0019 outside a corpus case: " + diagnostic);
    }
}
