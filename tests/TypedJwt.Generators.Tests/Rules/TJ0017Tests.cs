using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0017 (docs/diagnostics/TJ0017.md): an invalid <c>TypedJwtNamingPolicy</c> value, reported once per compilation,
/// only where TypedJwt is referenced.
/// </summary>
public class TJ0017Tests
{
    private static readonly string[] Sources =
    [
        "using TypedJwt; namespace Sample; [JwtPayload] public sealed partial record First { public string? TenantId { get; init; } }",
        "using TypedJwt; namespace Sample; [JwtHeader] public sealed partial record Second { public string? TenantHint { get; init; } }",
    ];

    [Theory]
    [InlineData("camel_case")]
    [InlineData("1")]
    [InlineData("PascalCase")]
    public void An_invalid_value_is_one_error_without_a_location_naming_the_value_and_the_accepted_ones(string value)
    {
        // Every analyzer the package ships runs, over two claim sets in two files: still exactly one TJ0017.
        Diagnostic diagnostic = Assert.Single(
            Harness.Analyze(Sources, GlobalOptionsProvider.NamingPolicy(value), Harness.AllAnalyzers()),
            d => d.Id == "TJ0017");

        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            $"The MSBuild property TypedJwtNamingPolicy is '{value}', which is not a naming policy; use one of SnakeCaseLower, CamelCase, AsDeclared, or leave it empty for SnakeCaseLower",
            diagnostic.GetMessage());
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, diagnostic.Descriptor.CustomTags);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("SnakeCaseLower")]
    [InlineData("CamelCase")]
    [InlineData("AsDeclared")]
    [InlineData(" camelCASE ")]
    public void A_valid_empty_or_absent_value_is_not_reported(string? value)
        => Assert.Empty(Harness.Analyze(Sources, GlobalOptionsProvider.NamingPolicy(value), new NamingPolicyOptionAnalyzer()));

    [Fact]
    public void Nothing_is_reported_without_TypedJwt()
    {
        CSharpCompilation compilation = Harness.CompileWithoutTypedJwt("public class C { }");

        Assert.Empty(Harness.Analyze(compilation, GlobalOptionsProvider.NamingPolicy("camel_case"), new NamingPolicyOptionAnalyzer()));
    }

    [Fact]
    public void NoWarn_suppresses_it()
    {
        // <NoWarn> reaches the compiler as /nowarn, which is a Suppress entry in the specific diagnostic options.
        Compilation compilation = Harness.Compile(Sources);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("TJ0017", ReportDiagnostic.Suppress)));

        Assert.Empty(Harness.Analyze(compilation, GlobalOptionsProvider.NamingPolicy("camel_case"), new NamingPolicyOptionAnalyzer()));
    }

    [Fact]
    public void Severity_none_in_a_globalconfig_suppresses_it()
    {
        // MSBuild passes the property in a generated global config too, so both lines are what a project's build would give.
        const string Property = "is_global = true\nbuild_property.TypedJwtNamingPolicy = camel_case\n";

        Assert.Empty(Harness.AnalyzeWithConfig(Harness.Compile(Sources), [("/repo/.globalconfig", Property + "dotnet_diagnostic.TJ0017.severity = none\n")], new NamingPolicyOptionAnalyzer()));
        Assert.Single(Harness.AnalyzeWithConfig(Harness.Compile(Sources), [("/repo/.globalconfig", Property)], new NamingPolicyOptionAnalyzer()));
    }
}
