using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedJwt.Generators.Tests.Generator;

/// <summary>Proves the pipeline caches: unrelated edits leave outputs cached, real edits change them, models hold no Roslyn objects.</summary>
public class IncrementalTests
{
    private const string Payload = """
        using TypedJwt;
        namespace Sample;
        [JwtPayload]
        public sealed partial record Token
        {
            [JwtClaim("sub")] public required string Subject { get; init; }
            public int Level { get; init; }
            public string? TenantId { get; init; }
        }

        [JwtHeader]
        public sealed partial record TokenHeader { public string? TenantHint { get; init; } }
        """;

    private const string SecondPayload = """
        using TypedJwt;
        namespace Sample;
        [JwtPayload]
        public sealed partial record Other { public string? Name { get; init; } }
        """;

    private static readonly string[] TrackedSteps =
    [
        TrackingNames.DefaultNamingPolicy,
        TrackingNames.PayloadDrafts, TrackingNames.PayloadDraftsWithNamingPolicy, TrackingNames.ResolvedPayloadSpecs, TrackingNames.ValidPayloadSpecs,
        TrackingNames.HeaderDrafts, TrackingNames.HeaderDraftsWithNamingPolicy, TrackingNames.ResolvedHeaderSpecs, TrackingNames.ValidHeaderSpecs,
    ];

    // What follows the syntax step; the drafts themselves never depend on the options.
    private static readonly string[] NamedSteps =
    [
        TrackingNames.PayloadDraftsWithNamingPolicy, TrackingNames.ResolvedPayloadSpecs, TrackingNames.ValidPayloadSpecs,
        TrackingNames.HeaderDraftsWithNamingPolicy, TrackingNames.ResolvedHeaderSpecs, TrackingNames.ValidHeaderSpecs,
    ];

    [Fact]
    public void Every_tracked_step_is_reported()
    {
        GeneratorDriverRunResult result = Harness.CreateDriver().RunGenerators(Harness.Compile(Payload)).GetRunResult();
        IReadOnlyDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps = result.Results[0].TrackedSteps;
        foreach (string name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), name);
        }
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_output_cached()
    {
        CSharpCompilation compilation = Harness.Compile(Payload);
        GeneratorDriver driver = Harness.CreateDriver().RunGenerators(compilation);
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample; public class Unrelated { }", Harness.ParseOptions));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();

        AssertAllCachedOrUnchanged(result.Results[0].TrackedSteps, TrackedSteps);
        Assert.All(
            result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void An_unrelated_edit_with_the_naming_policy_property_set_leaves_every_output_cached()
    {
        CSharpCompilation compilation = Harness.Compile(Payload);
        GeneratorDriver driver = Harness.CreateDriver(GlobalOptionsProvider.NamingPolicy("CamelCase")).RunGenerators(compilation);
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample; public class Unrelated { }", Harness.ParseOptions));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();

        AssertAllCachedOrUnchanged(result.Results[0].TrackedSteps, TrackedSteps);
        AssertOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Contains("\"tenantId\"u8", string.Join("\n", result.GeneratedTrees.Select(t => t.GetText().ToString())));
    }

    [Fact]
    public void Changing_the_naming_policy_property_renames_the_claims_without_reparsing()
    {
        CSharpCompilation compilation = Harness.Compile(Payload);
        GeneratorDriver driver = Harness.CreateDriver().RunGenerators(compilation);
        driver = driver.WithUpdatedAnalyzerConfigOptions(GlobalOptionsProvider.NamingPolicy("CamelCase"));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();
        IReadOnlyDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps = result.Results[0].TrackedSteps;

        // The syntax step does not see the options, so it stays cached; everything after the combine is recomputed.
        AssertAllCachedOrUnchanged(steps, [TrackingNames.PayloadDrafts, TrackingNames.HeaderDrafts]);
        Assert.All(steps[TrackingNames.DefaultNamingPolicy].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        foreach (string name in NamedSteps)
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason == IncrementalStepRunReason.Modified, $"{name}: {o.Reason}"));
        }

        AssertOutputs(result, IncrementalStepRunReason.Modified);
        string generated = string.Join("\n", result.GeneratedTrees.Select(t => t.GetText().ToString()));
        Assert.Contains("\"tenantId\"u8", generated);
        Assert.Contains("\"tenantHint\"u8", generated);
        Assert.DoesNotContain("\"tenant_id\"u8", generated);
    }

    [Theory]
    [InlineData("CamelCase", "CamelCase")]
    [InlineData("CamelCase", " camelcase ")]
    [InlineData(null, "SnakeCaseLower")]
    [InlineData(null, "")]
    [InlineData("camel_case", "Snake")]
    public void New_options_naming_the_same_policy_leave_every_output_cached(string? first, string? second)
    {
        CSharpCompilation compilation = Harness.Compile(Payload);
        GeneratorDriver driver = Harness.CreateDriver(GlobalOptionsProvider.NamingPolicy(first)).RunGenerators(compilation);

        GeneratorDriverRunResult rerun = driver.RunGenerators(compilation).GetRunResult();
        AssertAllCachedOrUnchanged(rerun.Results[0].TrackedSteps, TrackedSteps);
        AssertOutputs(rerun, IncrementalStepRunReason.Cached);

        // New options objects (the compiler makes them on every change of any option) with an equivalent value: the
        // selected policy is unchanged, so nothing after it runs again.
        driver = driver.WithUpdatedAnalyzerConfigOptions(GlobalOptionsProvider.NamingPolicy(second));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();
        AssertAllCachedOrUnchanged(result.Results[0].TrackedSteps, TrackedSteps);
        AssertOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Renaming_a_claim_changes_the_output()
    {
        CSharpCompilation compilation = Harness.Compile(Payload);
        GeneratorDriver driver = Harness.CreateDriver().RunGenerators(compilation);
        SyntaxTree old = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Payload.Replace("\"sub\"", "\"subject\""), Harness.ParseOptions, path: old.FilePath));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();

        Assert.Contains(result.Results[0].TrackedSteps[TrackingNames.ValidPayloadSpecs].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"subject\"u8", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Sample.Token.g.cs", StringComparison.Ordinal)).GetText().ToString());
    }

    [Fact]
    public void Adding_a_second_payload_type_leaves_the_first_cached()
    {
        CSharpCompilation compilation = Harness.Compile(Payload);
        GeneratorDriver driver = Harness.CreateDriver().RunGenerators(compilation);
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(SecondPayload, Harness.ParseOptions, path: "Second.cs"));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();

        Assert.Equal(3, result.GeneratedTrees.Length);
        IncrementalGeneratorRunStep[] specs = [.. result.Results[0].TrackedSteps[TrackingNames.ValidPayloadSpecs]];
        Assert.Contains(specs.SelectMany(s => s.Outputs), o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged && o.Value.ToString()!.Contains("Token"));
        Assert.Contains(specs.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.New && o.Value.ToString()!.Contains("Other"));
    }

    [Theory]
    [InlineData("EveryType", TrackingNames.PayloadDrafts)]
    [InlineData("EveryType", TrackingNames.ResolvedPayloadSpecs)]
    [InlineData("EveryType", TrackingNames.ValidPayloadSpecs)]
    [InlineData("Header", TrackingNames.HeaderDrafts)]
    [InlineData("Header", TrackingNames.ResolvedHeaderSpecs)]
    [InlineData("Header", TrackingNames.ValidHeaderSpecs)]
    public void The_model_holds_no_symbols_syntax_locations_or_compilations(string input, string step)
    {
        string source = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "tests", "TypedJwt.Generators.Tests", "Inputs", input + ".cs"));
        GeneratorDriverRunResult result = Harness.CreateDriver().RunGenerators(Harness.Compile(source)).GetRunResult();
        object[] models = [.. result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value)];
        Assert.NotEmpty(models);
        foreach (object model in models)
        {
            Assert.NotNull(model);
            AssertNoRoslynObjects(model, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }
    }

    private static void AssertOutputs(GeneratorDriverRunResult result, params IncrementalStepRunReason[] reasons)
    {
        IncrementalStepRunReason[] outputs = [.. result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason)];
        Assert.NotEmpty(outputs);
        Assert.All(outputs, reason => Assert.Contains(reason, reasons));
    }

    private static void AssertAllCachedOrUnchanged(IReadOnlyDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, string[] names)
    {
        foreach (string name in names)
        {
            foreach (IncrementalGeneratorRunStep step in steps[name])
            {
                Assert.All(step.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel or SyntaxTree, $"{path} is a {value.GetType()}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                AssertNoRoslynObjects(item, seen, $"{path}[{i++}]");
            }
        }

        for (Type? type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), seen, $"{path}.{field.Name}");
            }
        }
    }
}
