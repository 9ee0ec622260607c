using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules.SensitiveClaims;

/// <summary>
/// TJ0001 and TJ0002 read their words from <c>.editorconfig</c> (<c>TJ0001.additional_words</c>, <c>TJ0002.ignored_words</c>) and
/// take their severity from it, through Microsoft.CodeAnalysis.Testing and through a real file applied as the command-line
/// compiler applies it (<see cref="Harness.AnalyzeWithConfig"/>).
/// </summary>
public class EditorConfigTests
{
    private const string Source = Harness.Usings + """
        [JwtPayload] public sealed partial record Token
        {
            public string? Password { get; init; }
            public DateOnly DateOfBirth { get; init; }
            public string? BadgeCode { get; init; }
        }
        """;

    [Fact]
    public void Severity_and_words_come_from_the_editorconfig_of_the_file()
    {
        ImmutableArray<Diagnostic> diagnostics = Analyze("""
            root = true
            [*.cs]
            dotnet_diagnostic.TJ0001.severity = error
            dotnet_diagnostic.TJ0002.severity = none
            TJ0001.additional_words = badge code
            """);

        Assert.Equal(["Password:Error", "BadgeCode:Error"], diagnostics.Select(d => Harness.Text(d) + ":" + d.Severity));
        Assert.All(diagnostics, d => Assert.Equal("TJ0001", d.Id));
    }

    [Fact]
    public void Without_an_editorconfig_the_rules_are_warnings()
        => Assert.Equal(["Password:Warning", "DateOfBirth:Warning"], Analyze("root = true\n").Select(d => Harness.Text(d) + ":" + d.Severity));

    [Fact]
    public Task Editorconfig_adds_words_to_each_rule() => Harness.VerifyAnalyzerAsync<SensitiveClaimAnalyzer>(
        ["""
            [JwtPayload] public sealed partial record Token
            {
                public string? {|TJ0001:BadgeCode|} { get; init; }
                public string? {|TJ0002:Email|} { get; init; }
                public string? Name { get; init; }
            }
            """],
        [],
        "TJ0001.additional_words = badge_code, vault token\nTJ0002.additional_words = email\n");

    [Fact]
    public Task Editorconfig_ignores_words_per_rule() => Harness.VerifyAnalyzerAsync<SensitiveClaimAnalyzer>(
        ["""
            [JwtPayload] public sealed partial record Token
            {
                public string? SecretSanta { get; init; }
                public string? {|TJ0001:ClientSecret|} { get; init; }
                public string? Phone { get; init; }
            }
            """],
        [],
        "TJ0001.ignored_words = SecretSanta\nTJ0002.ignored_words = phone\n");

    [Fact]
    public Task Editorconfig_severity_none_silences_each_rule() => Harness.VerifyAnalyzerAsync<SensitiveClaimAnalyzer>(
        ["""
            [JwtPayload] public sealed partial record Token
            {
                public string? Password { get; init; }
                public string? Ssn { get; init; }
            }
            """],
        [],
        "dotnet_diagnostic.TJ0001.severity = none\ndotnet_diagnostic.TJ0002.severity = none\n");

    private static ImmutableArray<Diagnostic> Analyze(string editorConfig)
        => Harness.AnalyzeWithConfig(Harness.CompileAt(("/repo/src/Token.cs", Source)), [("/repo/.editorconfig", editorConfig)], new SensitiveClaimAnalyzer());
}
