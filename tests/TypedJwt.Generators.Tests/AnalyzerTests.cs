using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Tests;

/// <summary>Each rule fires on its bad input at the member or type identifier, and stays silent on the corrected input.</summary>
public class AnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using TypedJwt;
        namespace Sample;

        """;

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        {
            "TJ0003", "Token",
            "[JwtPayload] public sealed record Token { public string? Name { get; init; } }",
            "[JwtPayload] public sealed partial record Token { public string? Name { get; init; } }"
        },
        {
            "TJ0003", "Token",
            "public static class Outer { [JwtPayload] public sealed partial record Token { public string? Name { get; init; } } }",
            "public static partial class Outer { [JwtPayload] public sealed partial record Token { public string? Name { get; init; } } }"
        },
        {
            "TJ0004", "Lookup",
            "[JwtPayload] public sealed partial record Token { public Dictionary<string, string>? Lookup { get; init; } }",
            "[JwtPayload] public sealed partial record Token { [JwtIgnore] public Dictionary<string, string>? Lookup { get; init; } }"
        },
        {
            "TJ0005", "Second",
            """[JwtPayload] public sealed partial record Token { public string? First { get; init; } [JwtClaim("first")] public string? Second { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { public string? First { get; init; } [JwtClaim("second")] public string? Second { get; init; } }"""
        },
        {
            "TJ0006", "Audience",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("aud")] public string? Audience { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("aud")] public JwtAudience? Audience { get; init; } }"""
        },
        {
            "TJ0006", "Expires",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("exp")] public long Expires { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("exp")] public DateTimeOffset Expires { get; init; } }"""
        },
        {
            "TJ0007", "KeyId",
            """[JwtHeader] public sealed partial record Header { [JwtClaim("kid")] public string? KeyId { get; init; } }""",
            """[JwtHeader] public sealed partial record Header { [JwtClaim("x-kid")] public string? KeyId { get; init; } }"""
        },
        {
            "TJ0008", "Name",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("")] public string? Name { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("name")] public string? Name { get; init; } }"""
        },
        {
            "TJ0009", "Token",
            "[JwtPayload] public sealed partial record Token<T> { public string? Name { get; init; } }",
            "[JwtPayload] public sealed partial record Token { public string? Name { get; init; } }"
        },
        {
            "TJ0009", "Token",
            "[JwtPayload] public abstract partial record Token { public string? Name { get; init; } }",
            "[JwtPayload] public sealed partial record Token { public string? Name { get; init; } }"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_reports_at_the_identifier_and_not_on_compliant_code(string id, string identifier, string bad, string good)
    {
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Analyze(Usings + bad));
        Assert.Equal(id, diagnostic.Id);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Equal(identifier, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));

        Assert.Empty(GeneratorHarness.Analyze(Usings + good));
    }

    [Fact]
    public void A_nested_claim_set_without_generated_code_is_an_unsupported_member_not_broken_output()
    {
        string source = Usings + """
            [JwtPayload] public sealed record Address { public string? Country { get; init; } }
            [JwtPayload] public sealed partial record Token { public Address? Home { get; init; } }
            """;
        Assert.Equal(["TJ0003", "TJ0004"], GeneratorHarness.Analyze(source).Select(d => d.Id).Order().ToArray());
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(source);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Messages_name_the_member_the_claim_and_the_expected_type()
    {
        Diagnostic unsupported = Assert.Single(GeneratorHarness.Analyze(Usings + "[JwtPayload] public sealed partial record Token { public object? Blob { get; init; } }"));
        Assert.Contains("'Blob'", unsupported.GetMessage());
        Assert.Contains("'object?'", unsupported.GetMessage());

        Diagnostic registered = Assert.Single(GeneratorHarness.Analyze(Usings + """[JwtPayload] public sealed partial record Token { [JwtClaim("aud")] public string? Audience { get; init; } }"""));
        Assert.Contains("'aud'", registered.GetMessage());
        Assert.Contains("JwtAudience", registered.GetMessage());
    }

    [Fact]
    public void Pragma_suppresses_a_rule()
    {
        string source = Usings + """
            [JwtPayload] public sealed partial record Token
            {
            #pragma warning disable TJ0004
                public object? Blob { get; init; }
            #pragma warning restore TJ0004
            }
            """;
        Assert.All(GeneratorHarness.Analyze(source), d => Assert.True(d.IsSuppressed));
    }

    [Fact]
    public async Task Nothing_is_registered_without_TypedJwt()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoTypedJwt",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class C { }")],
            Basic.Reference.Assemblies.Net100.References.All);
        Assert.Empty(await compilation.WithAnalyzers([.. GeneratorHarness.AllAnalyzers()]).GetAnalyzerDiagnosticsAsync());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_a_bad_type_without_throwing_or_emitting(string id, string identifier, string bad, string good)
    {
        _ = (id, identifier, good);
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Usings + bad);
        Assert.Null(result.Results[0].Exception);
        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Every_rule_has_a_help_page_and_a_release_entry()
    {
        string root = GeneratorHarness.RepoRoot();
        string unshipped = File.ReadAllText(Path.Combine(root, "src", "TypedJwt.Generators", "AnalyzerReleases.Unshipped.md"));
        DiagnosticDescriptor[] descriptors = GeneratorHarness.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToArray();
        Assert.Contains(descriptors, d => d.Id == "TJ0001");
        Assert.Contains(descriptors, d => d.Id == "TJ0002");
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            Match match = Regex.Match(descriptor.HelpLinkUri, @"^https://github\.com/typedjwt/typedjwt/blob/main/(docs/diagnostics/(TJ\d{4})\.md)$");
            Assert.True(match.Success, descriptor.HelpLinkUri);
            Assert.Equal(descriptor.Id, match.Groups[2].Value);
            string page = Path.Combine(root, match.Groups[1].Value);
            Assert.True(File.Exists(page), match.Groups[1].Value);
            string text = File.ReadAllText(page);
            Assert.StartsWith("# " + descriptor.Id + ": ", text);
            Assert.Contains("| Severity | " + descriptor.DefaultSeverity + " |", text);
            foreach (string section in new[] { "## What and why", "## Non-compliant code", "## Compliant code", "## How to suppress" })
            {
                Assert.Contains(section, text);
            }

            if (descriptor.Category == "TypedJwt.Security")
            {
                Assert.Contains("## Options", text);
            }

            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", unshipped);
        }
    }
}
