using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedJwt.CodeFixes;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>
/// The fixes of TJ0001/TJ0002 come from one exported provider, safest first: mark the payload Encrypted, then
/// [NotSensitive], then remove the member. So the IDE lists encryption first, and <c>dotnet format analyzers</c>, which
/// applies the first action of every provider that fixes an ID, encrypts the payload instead of marking its members.
/// </summary>
public class CodeFixOrderTests
{
    private const string Payload = """
        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record Token
        {
            [JwtClaim("sub")] public required string Subject { get; init; }
            public string? Password { get; init; }
        }
        """;

    [Fact]
    public void One_exported_provider_fixes_TJ0001_and_TJ0002()
    {
        // dotnet format and the IDE load exported providers only; with one, the order of the fixes is the order it registers them.
        CodeFixProvider[] exported = typeof(SensitiveClaimCodeFixProvider).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .Where(p => p.FixableDiagnosticIds.Contains("TJ0001") || p.FixableDiagnosticIds.Contains("TJ0002"))
            .ToArray();
        CodeFixProvider provider = Assert.Single(exported);
        Assert.IsType<SensitiveClaimCodeFixProvider>(provider);
        Assert.Equal(["TJ0001", "TJ0002"], provider.FixableDiagnosticIds.Order().ToArray());
    }

    [Fact]
    public async Task Encrypt_is_registered_first_then_NotSensitive_then_remove()
    {
        using var workspace = new FixWorkspace();
        ProjectId project = workspace.AddProject("App", [Payload + "\n[JwtHeader] public sealed partial record Header { public string? ApiKey { get; init; } }"]);
        ImmutableArray<Diagnostic> diagnostics = await workspace.AnalyzeAsync(project, new SensitiveClaimAnalyzer());

        Diagnostic password = Assert.Single(diagnostics, d => d.GetMessage().Contains("'password'"));
        Assert.Equal("TJ0001", password.Id);
        Assert.Equal(
            [nameof(MarkPayloadEncryptedCodeFixProvider), nameof(MarkNotSensitiveCodeFixProvider), nameof(RemoveClaimMemberCodeFixProvider)],
            (await workspace.ActionsAsync(new SensitiveClaimCodeFixProvider(), password)).Select(a => a.EquivalenceKey));

        // A header is never encrypted: the first fix there is the one that keeps the member and asks for a reason.
        Diagnostic apiKey = Assert.Single(diagnostics, d => d.GetMessage().Contains("'api_key'"));
        Assert.Equal(
            [nameof(MarkNotSensitiveCodeFixProvider), nameof(RemoveClaimMemberCodeFixProvider)],
            (await workspace.ActionsAsync(new SensitiveClaimCodeFixProvider(), apiKey)).Select(a => a.EquivalenceKey));
    }

    [Fact]
    public async Task Dotnet_format_encrypts_the_payload_and_marks_nothing_NotSensitive()
    {
        using var workspace = new FixWorkspace();
        ProjectId project = workspace.AddProject("App", [Payload.Replace("public string? Password { get; init; }", "public string? Password { get; init; }\n    public string? ApiKey { get; init; }")]);
        ImmutableArray<Diagnostic> diagnostics = await workspace.AnalyzeAsync(project, new SensitiveClaimAnalyzer());
        Assert.Equal(2, diagnostics.Count(d => d.Id == "TJ0001"));

        Solution fixedSolution = await workspace.FixAllLikeDotnetFormatAsync(new SensitiveClaimCodeFixProvider(), "TJ0001", diagnostics);
        string text = (await fixedSolution.Projects.Single().Documents.Single().GetTextAsync()).ToString();
        Assert.Contains("[JwtPayload(TokenType = \"at+jwt\", Encrypted = true)]", text);
        Assert.DoesNotContain("NotSensitive", text);
        Assert.Contains("public string? Password { get; init; }", text);
        Assert.Contains("public string? ApiKey { get; init; }", text);
    }
}
