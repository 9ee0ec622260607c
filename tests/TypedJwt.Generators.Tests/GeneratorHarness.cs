extern alias TypedJwtRuntime;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Tests;

/// <summary>Builds compilations against the .NET 10 reference assemblies plus TypedJwt, and runs the generator or the analyzer on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The runtime assembly the code under test references (aliased in this project: see the project file).</summary>
    public static readonly MetadataReference TypedJwt = MetadataReference.CreateFromFile(typeof(TypedJwtRuntime::TypedJwt.JwtError).Assembly.Location);

    /// <summary>The .NET 10 reference assemblies plus TypedJwt.</summary>
    public static readonly ImmutableArray<MetadataReference> References = [.. Basic.Reference.Assemblies.Net100.References.All, TypedJwt];

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Input",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Input{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    /// <summary>A driver that tracks its steps; <paramref name="options"/> are the global options MSBuild would pass.</summary>
    public static GeneratorDriver CreateDriver(AnalyzerConfigOptionsProvider? options = null) => CSharpGeneratorDriver.Create(
        [new JwtGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        optionsProvider: options,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources) => Run(GlobalOptionsProvider.None, sources);

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(AnalyzerConfigOptionsProvider options, params string[] sources)
        => Run(Compile(sources), options);

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(CSharpCompilation input, AnalyzerConfigOptionsProvider? options = null)
    {
        GeneratorDriver driver = CreateDriver(options ?? GlobalOptionsProvider.None).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        return (driver.GetRunResult(), output);
    }

    public static ImmutableArray<Diagnostic> Analyze(string source) => Analyze(source, new JwtClaimSetAnalyzer());

    public static ImmutableArray<Diagnostic> Analyze(string source, params DiagnosticAnalyzer[] analyzers) => Analyze([source], analyzers);

    public static ImmutableArray<Diagnostic> Analyze(string[] sources, params DiagnosticAnalyzer[] analyzers) => Analyze(sources, GlobalOptionsProvider.None, analyzers);

    public static ImmutableArray<Diagnostic> Analyze(string[] sources, AnalyzerConfigOptionsProvider options, params DiagnosticAnalyzer[] analyzers)
        => Analyze(Compile(sources), options, analyzers);

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerConfigOptionsProvider options, params DiagnosticAnalyzer[] analyzers)
        => compilation.WithAnalyzers([.. analyzers], new AnalyzerOptions([], options)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Every analyzer the generator assembly ships, found by reflection so that a new rule cannot be forgotten here.</summary>
    public static DiagnosticAnalyzer[] AllAnalyzers() => typeof(JwtGenerator).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    /// <summary>The repository root, found by walking up to TypedJwt.sln.</summary>
    public static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TypedJwt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TypedJwt.sln not found above " + AppContext.BaseDirectory);
    }
}
