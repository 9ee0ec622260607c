using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests;

/// <summary>
/// The harness through Microsoft.CodeAnalysis.Testing, which reads real <c>.editorconfig</c> files, checks
/// <c>{|TJ0001:Password|}</c> and <c>{|#0:...|}</c> markup, and applies code fixes. Reference assemblies come from
/// Basic.Reference.Assemblies: the package mirror lacks the reference packs the library would download.
/// </summary>
internal static partial class Harness
{
    public static readonly ReferenceAssemblies ReferenceAssemblies = new("net10.0");

    /// <summary>
    /// Runs <typeparamref name="TAnalyzer"/> on <paramref name="source"/>, prefixed with <see cref="Usings"/>.
    /// </summary>
    public static Task VerifyAnalyzerAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAnalyzerAsync<TAnalyzer>([source], [], null, expected);

    /// <summary>
    /// Runs <typeparamref name="TAnalyzer"/> on <paramref name="sources"/>, each prefixed with <see cref="Usings"/>.
    /// </summary>
    /// <param name="sourcesAsWritten">More files, taken as they are (stubs of other libraries' types in their own namespaces).</param>
    /// <param name="editorConfig">Lines for an <c>[*]</c> section of a root <c>.editorconfig</c>, or null for none.</param>
    public static Task VerifyAnalyzerAsync<TAnalyzer>(string[] sources, string[] sourcesAsWritten, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies };
        foreach (string source in sources)
        {
            test.TestState.Sources.Add(Usings + source);
        }

        foreach (string source in sourcesAsWritten)
        {
            test.TestState.Sources.Add(source);
        }
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorConfig));
        }

        AddReferences(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Applies <typeparamref name="TCodeFix"/> to the TJ0001/TJ0002 diagnostics marked in <paramref name="sources"/> and
    /// compares with <paramref name="fixedSources"/> (file by file). <paramref name="usings"/> false leaves the sources as
    /// written, for a fix whose output depends on what is imported.
    /// </summary>
    public static Task VerifyCodeFixAsync<TCodeFix>(string[] sources, string[] fixedSources, bool usings = true)
        where TCodeFix : CodeFixProvider, new()
    {
        CSharpCodeFixTest<SensitiveClaimAnalyzer, TCodeFix, DefaultVerifier> test = CodeFixTest<TCodeFix>();
        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", (usings ? Usings : "") + sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", (usings ? Usings : "") + fixedSources[i]));
        }

        return test.RunAsync();
    }

    public static Task VerifyCodeFixAsync<TCodeFix>(string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
        => VerifyCodeFixAsync<TCodeFix>([source], [fixedSource]);

    /// <summary>
    /// A code-fix test of the TJ0001/TJ0002 analyzer with the references set, for tests that need more than the above.
    /// </summary>
    public static CSharpCodeFixTest<SensitiveClaimAnalyzer, TCodeFix, DefaultVerifier> CodeFixTest<TCodeFix>()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<SensitiveClaimAnalyzer, TCodeFix, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies };
        // The fixed state inherits the test state's references.
        AddReferences(test.TestState);
        return test;
    }

    /// <summary>
    /// Applies the TJ0019 fix whose equivalence key is <paramref name="equivalenceKey"/> (the name of the provider that makes
    /// it) through the exported <see cref="TypedJwt.CodeFixes.SensitiveFlowCodeFixProvider"/>, and compares with <paramref name="fixedSource"/>.
    /// </summary>
    public static Task VerifyFlowCodeFixAsync(string source, string fixedSource, string equivalenceKey)
    {
        var test = new CSharpCodeFixTest<SensitiveFlowAnalyzer, TypedJwt.CodeFixes.SensitiveFlowCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        AddReferences(test.TestState);
        test.TestState.Sources.Add(Usings + source);
        test.FixedState.Sources.Add(Usings + fixedSource);
        return test.RunAsync();
    }

    private static void AddReferences(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.Add(TypedJwt);
    }
}
