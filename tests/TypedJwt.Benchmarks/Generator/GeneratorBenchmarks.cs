using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedJwt.Generators;

namespace TypedJwt.Benchmarks.Generator;

/// <summary>
/// The generator itself: TypedJwt's generator and the System.Text.Json generator (loaded from the SDK's ref pack) on the
/// same 200 claim types, cold (a new driver over a new compilation) and after an edit to a file no claim type depends on
/// (the warm driver re-run). Setup checks that the edit leaves every TypedJwt output cached or unchanged.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int TypeCount = 200;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private Side _typedJwt = null!;
    private Side _systemTextJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        MetadataReference[] references = [.. FrameworkReferences(), MetadataReference.CreateFromFile(typeof(JwtPayloadAttribute).Assembly.Location)];
        _typedJwt = new Side(new JwtGenerator(), ClaimTypeSources.TypedJwt(TypeCount), references);
        _systemTextJson = new Side(LoadSystemTextJsonGenerator(), ClaimTypeSources.SystemTextJson(TypeCount), references);
        _typedJwt.CheckOutputs(expectedSources: TypeCount, requireAllCachedOnEdit: true);
        _systemTextJson.CheckOutputs(expectedSources: TypeCount, requireAllCachedOnEdit: false);
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json generator, cold")]
    public GeneratorDriver SystemTextJson_Cold() => _systemTextJson.RunCold();

    [Benchmark(Description = "TypedJwt generator, cold")]
    public GeneratorDriver TypedJwt_Cold() => _typedJwt.RunCold();

    [Benchmark(Description = "System.Text.Json generator, unrelated edit")]
    public GeneratorDriver SystemTextJson_UnrelatedEdit() => _systemTextJson.RunAfterUnrelatedEdit();

    [Benchmark(Description = "TypedJwt generator, unrelated edit")]
    public GeneratorDriver TypedJwt_UnrelatedEdit() => _typedJwt.RunAfterUnrelatedEdit();

    // Reference assemblies and the System.Text.Json generator both come from the SDK's newest Microsoft.NETCore.App.Ref pack.
    private static string RefPack()
    {
        string dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        return Directory.GetDirectories(Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref"))
            .OrderByDescending(path => Version.TryParse(Path.GetFileName(path), out Version? version) ? version : new Version())
            .First();
    }

    private static IEnumerable<MetadataReference> FrameworkReferences() =>
        Directory.EnumerateFiles(Path.Combine(RefPack(), "ref", "net10.0"), "*.dll").Select(path => MetadataReference.CreateFromFile(path));

    // Loaded as the compiler loads an analyzer shipped in the pack.
    private static IIncrementalGenerator LoadSystemTextJsonGenerator()
    {
        string path = Directory.EnumerateFiles(Path.Combine(RefPack(), "analyzers", "dotnet"), "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
            .Where(p => p.Contains(Path.DirectorySeparatorChar + "cs" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .First();
        Type type = Assembly.LoadFrom(path).GetType("System.Text.Json.SourceGeneration.JsonSourceGenerator", throwOnError: true)!;
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    /// <summary>One generator with its input: the claim types, an unrelated file in two revisions, and a warm driver.</summary>
    private sealed class Side
    {
        private readonly IIncrementalGenerator _generator;
        private readonly SyntaxTree[] _trees;
        private readonly MetadataReference[] _references;
        private readonly CSharpCompilation _edited;
        private readonly GeneratorDriver _warm;

        public Side(IIncrementalGenerator generator, string claimTypes, MetadataReference[] references)
        {
            _generator = generator;
            _references = references;
            _trees = [CSharpSyntaxTree.ParseText(claimTypes, ParseOptions, "ClaimTypes.cs"), CSharpSyntaxTree.ParseText(ClaimTypeSources.Unrelated(1), ParseOptions, "Unrelated.cs")];
            CSharpCompilation compilation = NewCompilation();
            _edited = compilation.ReplaceSyntaxTree(_trees[1], CSharpSyntaxTree.ParseText(ClaimTypeSources.Unrelated(2), ParseOptions, "Unrelated.cs"));
            _warm = NewDriver().RunGenerators(compilation);
        }

        public GeneratorDriver RunCold() => NewDriver().RunGenerators(NewCompilation());

        public GeneratorDriver RunAfterUnrelatedEdit() => _warm.RunGenerators(_edited);

        public void CheckOutputs(int expectedSources, bool requireAllCachedOnEdit)
        {
            GeneratorRunResult cold = _warm.GetRunResult().Results.Single();
            if (cold.Exception is not null || cold.GeneratedSources.Length < expectedSources)
            {
                throw new InvalidOperationException($"{_generator.GetType().Name} produced {cold.GeneratedSources.Length} sources for {expectedSources} types.", cold.Exception);
            }

            GeneratorRunResult edited = RunAfterUnrelatedEdit().GetRunResult().Results.Single();
            var reasons = edited.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
            bool allCached = reasons.Count > 0 && reasons.All(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
            Console.WriteLine($"// {_generator.GetType().Name}: {cold.GeneratedSources.Length} sources; after an unrelated edit {reasons.Count} outputs, all cached or unchanged: {allCached}");
            if (requireAllCachedOnEdit && !allCached)
            {
                throw new InvalidOperationException($"{_generator.GetType().Name} redid work after an unrelated edit: {string.Join(", ", reasons)}.");
            }
        }

        private CSharpCompilation NewCompilation() =>
            CSharpCompilation.Create("Bench", _trees, _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        private GeneratorDriver NewDriver() =>
            CSharpGeneratorDriver.Create([_generator.AsSourceGenerator()], parseOptions: ParseOptions, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }
}
