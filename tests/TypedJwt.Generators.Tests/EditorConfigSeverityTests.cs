using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests;

/// <summary>
/// Per-rule severity from a real <c>.editorconfig</c>, applied the way the command-line compiler applies it: the file is
/// parsed by <see cref="AnalyzerConfigSet"/>, and its per-file severities and options reach the compilation and the analyzers.
/// </summary>
public class EditorConfigSeverityTests
{
    private const string Source = AnalyzerTestKit.Usings + """
        [JwtPayload] public sealed partial record Token
        {
            public string? Password { get; init; }
            public DateOnly DateOfBirth { get; init; }
            public string? BadgeCode { get; init; }
        }
        """;

    [Fact]
    public void Severity_and_words_come_from_the_editorconfig_of_the_file()
    {
        ImmutableArray<Diagnostic> diagnostics = Analyze("""
            root = true
            [*.cs]
            dotnet_diagnostic.TJ0001.severity = error
            dotnet_diagnostic.TJ0002.severity = none
            TJ0001.additional_words = badge code
            """);

        Assert.Equal(["Password:Error", "BadgeCode:Error"], diagnostics.Select(d => Text(d) + ":" + d.Severity));
        Assert.All(diagnostics, d => Assert.Equal("TJ0001", d.Id));
    }

    [Fact]
    public void Without_an_editorconfig_the_rules_are_warnings()
        => Assert.Equal(["Password:Warning", "DateOfBirth:Warning"], Analyze("root = true\n").Select(d => Text(d) + ":" + d.Severity));

    private static ImmutableArray<Diagnostic> Analyze(string editorConfig)
    {
        const string path = "/repo/src/Token.cs";
        AnalyzerConfigSet set = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(editorConfig, "/repo/.editorconfig")));
        AnalyzerConfigOptionsResult result = set.GetOptionsForSourcePath(path);

        Compilation compilation = GeneratorHarness.Compile(Source);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree placed = tree.WithFilePath(path);
        compilation = compilation.ReplaceSyntaxTree(tree, placed);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeSeverities(placed, result.TreeOptions)));

        var options = new AnalyzerOptions([], new FileOptions(placed, result.AnalyzerOptions));
        return compilation.WithAnalyzers([new SensitiveClaimAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private sealed class TreeSeverities(SyntaxTree tree, ImmutableDictionary<string, ReportDiagnostic> severities) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree syntaxTree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree syntaxTree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return syntaxTree == tree && severities.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }

    private sealed class FileOptions(SyntaxTree tree, ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _file = new(values);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree syntaxTree) => syntaxTree == tree ? _file : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
