using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TypedJwt.Generators.Tests;

/// <summary>
/// Runs an analyzer through Microsoft.CodeAnalysis.Testing, which reads real <c>.editorconfig</c> files and checks
/// <c>{|TJ0001:Password|}</c> markup. Reference assemblies come from Basic.Reference.Assemblies (the mirror lacks the packs).
/// </summary>
internal static class AnalyzerTestKit
{
    public const string Usings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using TypedJwt;
        namespace Sample;

        """;

    public static readonly ReferenceAssemblies ReferenceAssemblies = new("net10.0");

    public static void AddReferences(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.Add(GeneratorHarness.TypedJwt);
    }

    public static Task VerifyAsync<TAnalyzer>(string source, string? editorConfig = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies,
            TestCode = source,
        };
        AddReferences(test.TestState);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorConfig));
        }

        return test.RunAsync();
    }
}
