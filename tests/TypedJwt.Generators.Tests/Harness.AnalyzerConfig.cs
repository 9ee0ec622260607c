using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Tests;

/// <summary>
/// <c>.editorconfig</c> and <c>.globalconfig</c> text applied to a direct compilation the way the command-line compiler applies
/// it: the files are parsed into an <see cref="AnalyzerConfigSet"/>, severities reach the compilation (per file, and from
/// global configs for diagnostics without a location) and options reach the analyzers. MSBuild passes a
/// <c>CompilerVisibleProperty</c> the same way, as <c>build_property.Name = value</c> in a generated global config.
/// </summary>
internal static partial class Harness
{
    /// <summary>
    /// A compilation of <paramref name="files"/>, each at its path (so that a config file's sections apply to it).
    /// </summary>
    public static Compilation CompileAt(params (string Path, string Source)[] files)
    {
        Compilation compilation = Compile([.. files.Select(f => f.Source)]);
        SyntaxTree[] trees = [.. compilation.SyntaxTrees];
        for (int i = 0; i < files.Length; i++)
        {
            compilation = compilation.ReplaceSyntaxTree(trees[i], trees[i].WithFilePath(files[i].Path));
        }

        return compilation;
    }

    public static ImmutableArray<Diagnostic> AnalyzeWithConfig(Compilation compilation, (string Path, string Text)[] configFiles, params DiagnosticAnalyzer[] analyzers)
    {
        AnalyzerConfigSet set = AnalyzerConfigSet.Create(configFiles.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToImmutableArray());
        ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> files = compilation.SyntaxTrees.ToImmutableDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath));
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new ConfigSeverities(files, set.GlobalConfigOptions.TreeOptions)));
        var options = new AnalyzerOptions([], new ConfigOptions(files, set.GlobalConfigOptions.AnalyzerOptions));
        return compilation.WithAnalyzers([.. analyzers], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private sealed class ConfigSeverities(ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> files, ImmutableDictionary<string, ReportDiagnostic> global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return files.TryGetValue(tree, out AnalyzerConfigOptionsResult file) && file.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => global.TryGetValue(diagnosticId, out severity);
    }

    private sealed class ConfigOptions(ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> files, ImmutableDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree)
            => files.TryGetValue(tree, out AnalyzerConfigOptionsResult file) ? new Options(file.AnalyzerOptions) : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
