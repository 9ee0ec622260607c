extern alias TypedJwtRuntime;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Tests;

/// <summary>
/// The one harness of these tests. This part runs Roslyn directly: compilations against the .NET 10 reference assemblies plus
/// TypedJwt, the generator on them, and the analyzers on them. <c>Harness.Verify.cs</c> runs the same analyzers and the code
/// fixes through Microsoft.CodeAnalysis.Testing (markup, <c>.editorconfig</c> files); <c>Harness.AnalyzerConfig.cs</c> applies
/// <c>.editorconfig</c> and <c>.globalconfig</c> text to a direct compilation as the command-line compiler does.
/// </summary>
internal static partial class Harness
{
    /// <summary>
    /// What every test source starts with unless it says otherwise: the usings a user file of claim sets would have.
    /// </summary>
    public const string Usings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Text;
        using TypedJwt;
        namespace Sample;

        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The runtime assembly the code under test references (aliased in this project: see the project file).
    /// </summary>
    public static readonly MetadataReference TypedJwt = MetadataReference.CreateFromFile(typeof(TypedJwtRuntime::TypedJwt.JwtError).Assembly.Location);

    /// <summary>The .NET 10 reference assemblies plus TypedJwt.</summary>
    public static readonly ImmutableArray<MetadataReference> References = [.. Basic.Reference.Assemblies.Net100.References.All, TypedJwt];

    /// <summary>
    /// A library of <paramref name="sources"/> (files Input0.cs, Input1.cs...), nullable enabled, every warning level
    /// on.
    /// </summary>
    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Input",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Input{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    /// <summary>A compilation that does not reference TypedJwt, where every analyzer must stay silent.</summary>
    public static CSharpCompilation CompileWithoutTypedJwt(string source)
        => CSharpCompilation.Create("NoTypedJwt", [CSharpSyntaxTree.ParseText(source, ParseOptions)], Basic.Reference.Assemblies.Net100.References.All);

    /// <summary>
    /// A driver that tracks its steps; <paramref name="options"/> are the global options MSBuild would pass.
    /// </summary>
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

    /// <summary>The claim-set rules (TJ0003-TJ0009) on one source.</summary>
    public static ImmutableArray<Diagnostic> Analyze(string source) => Analyze(source, new JwtClaimSetAnalyzer());

    public static ImmutableArray<Diagnostic> Analyze(string source, params DiagnosticAnalyzer[] analyzers) => Analyze([source], analyzers);

    public static ImmutableArray<Diagnostic> Analyze(string[] sources, params DiagnosticAnalyzer[] analyzers) => Analyze(sources, GlobalOptionsProvider.None, analyzers);

    public static ImmutableArray<Diagnostic> Analyze(string[] sources, AnalyzerConfigOptionsProvider options, params DiagnosticAnalyzer[] analyzers)
        => Analyze(Compile(sources), options, analyzers);

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerConfigOptionsProvider options, params DiagnosticAnalyzer[] analyzers)
        => compilation.WithAnalyzers([.. analyzers], new AnalyzerOptions([], options)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Every analyzer the generator assembly ships, found by reflection so that a new rule cannot be forgotten here.
    /// </summary>
    public static DiagnosticAnalyzer[] AllAnalyzers() => typeof(JwtGenerator).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    /// <summary>The source text a diagnostic points at (an identifier, an argument).</summary>
    public static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>Exactly one diagnostic, <paramref name="id"/>, at <paramref name="identifier"/>.</summary>
    public static Diagnostic AssertSingle(string id, string identifier, IEnumerable<Diagnostic> diagnostics)
    {
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(identifier, Text(diagnostic));
        return diagnostic;
    }

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

    /// <summary>This project's folder in the repository, where Inputs/ and Baselines/ are.</summary>
    public static string ProjectDirectory() => Path.Combine(RepoRoot(), "tests", "TypedJwt.Generators.Tests");
}
