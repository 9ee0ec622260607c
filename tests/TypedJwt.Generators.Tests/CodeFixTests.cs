using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.CodeFixes;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests;

/// <summary>The three fixes of TJ0001/TJ0002, each applied alone and through Fix All, on properties, fields and positional parameters.</summary>
public class CodeFixTests
{
    private static Task VerifyAsync<TCodeFix>(string source, string fixedSource, params (string Name, string Text)[] extraSources)
        where TCodeFix : CodeFixProvider, new()
        => VerifyAsync<TCodeFix>([AnalyzerTestKit.Usings + source, .. extraSources.Select(s => AnalyzerTestKit.Usings + s.Text)], [AnalyzerTestKit.Usings + fixedSource, .. extraSources.Select(s => AnalyzerTestKit.Usings + s.Text)]);

    private static Task VerifyAsync<TCodeFix>(string[] sources, string[] fixedSources)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<SensitiveClaimAnalyzer, TCodeFix, DefaultVerifier> { ReferenceAssemblies = AnalyzerTestKit.ReferenceAssemblies };
        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        // The fixed state inherits the test state's references.
        AnalyzerTestKit.AddReferences(test.TestState);
        return test.RunAsync();
    }

    [Fact]
    public Task Encrypt_adds_the_named_argument() => VerifyAsync<MarkPayloadEncryptedCodeFixProvider>(
        """
        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record Token
        {
            public string? {|TJ0001:Password|} { get; init; }
            public DateOnly {|TJ0002:DateOfBirth|} { get; init; }
        }
        """,
        """
        [JwtPayload(TokenType = "at+jwt", Encrypted = true)]
        public sealed partial record Token
        {
            public string? Password { get; init; }
            public DateOnly DateOfBirth { get; init; }
        }
        """);

    [Fact]
    public Task Encrypt_turns_false_into_true_and_creates_an_argument_list() => VerifyAsync<MarkPayloadEncryptedCodeFixProvider>(
        """
        [JwtPayload(Encrypted = false)] public sealed partial record Token { public string? {|TJ0001:ApiKey|} { get; init; } }
        [JwtPayload] public sealed partial record Other(string? {|TJ0002:Ssn|});
        """,
        """
        [JwtPayload(Encrypted = true)] public sealed partial record Token { public string? ApiKey { get; init; } }
        [JwtPayload(Encrypted = true)] public sealed partial record Other(string? Ssn);
        """);

    [Fact]
    public Task Encrypt_edits_the_partial_declaration_that_carries_the_attribute() => VerifyAsync<MarkPayloadEncryptedCodeFixProvider>(
        [
            AnalyzerTestKit.Usings + "public sealed partial record Token { public string? {|TJ0001:ClientSecret|} { get; init; } }",
            AnalyzerTestKit.Usings + "[JwtPayload] public sealed partial record Token { public string? Subject { get; init; } }",
        ],
        [
            AnalyzerTestKit.Usings + "public sealed partial record Token { public string? ClientSecret { get; init; } }",
            AnalyzerTestKit.Usings + "[JwtPayload(Encrypted = true)] public sealed partial record Token { public string? Subject { get; init; } }",
        ]);

    [Fact]
    public async Task Encrypt_is_not_offered_for_a_header()
    {
        string source = AnalyzerTestKit.Usings + "[JwtHeader] public sealed partial record Header { public string? {|TJ0001:ApiKey|} { get; init; } }";
        var test = new CSharpCodeFixTest<SensitiveClaimAnalyzer, MarkPayloadEncryptedCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = AnalyzerTestKit.ReferenceAssemblies,
            TestCode = source,
            FixedCode = source,
        };
        AnalyzerTestKit.AddReferences(test.TestState);
        await test.RunAsync();
    }

    [Fact]
    public Task NotSensitive_marks_properties_fields_and_parameters() => VerifyAsync<MarkNotSensitiveCodeFixProvider>(
        """
        [JwtPayload]
        public sealed partial record Token(string? Subject, string? {|TJ0001:Pin|})
        {
            /// <summary>The hash the legacy gateway compares.</summary>
            public string? {|TJ0001:PasswordHash|} { get; init; }

            [JwtClaim("tax")] public string? {|TJ0002:TaxId|} { get; init; }

            public string? {|TJ0002:PhoneNumber|};
        }
        """,
        """
        [JwtPayload]
        public sealed partial record Token(string? Subject, [property: NotSensitive(Justification = "")] string? Pin)
        {
            /// <summary>The hash the legacy gateway compares.</summary>
            [NotSensitive(Justification = "")]
            public string? PasswordHash { get; init; }

            [NotSensitive(Justification = "")]
            [JwtClaim("tax")] public string? TaxId { get; init; }

            [NotSensitive(Justification = "")]
            public string? PhoneNumber;
        }
        """);

    [Fact]
    public Task NotSensitive_qualifies_the_attribute_without_a_using() => VerifyAsync<MarkNotSensitiveCodeFixProvider>(
        ["namespace Sample;\n[TypedJwt.JwtPayload] public sealed partial record Token { public string? {|TJ0001:Password|} { get; init; } }"],
        ["namespace Sample;\n[TypedJwt.JwtPayload] public sealed partial record Token { [TypedJwt.NotSensitive(Justification = \"\")] public string? Password { get; init; } }"]);

    [Fact]
    public Task Remove_deletes_properties_fields_and_parameters() => VerifyAsync<RemoveClaimMemberCodeFixProvider>(
        """
        [JwtPayload]
        public sealed partial record Token(string? {|TJ0001:Pin|}, string? Subject, string? {|TJ0002:Ssn|})
        {
            public string? Role { get; init; }
            /// <summary>Goes with the member.</summary>
            public string? {|TJ0001:RefreshToken|} { get; init; }
            public string? {|TJ0002:Religion|};
            public int Level { get; init; }
        }
        """,
        """
        [JwtPayload]
        public sealed partial record Token(string? Subject)
        {
            public string? Role { get; init; }
            public int Level { get; init; }
        }
        """);

    [Fact]
    public Task Remove_keeps_the_other_variables_of_a_field_declaration() => VerifyAsync<RemoveClaimMemberCodeFixProvider>(
        """
        [JwtPayload]
        public sealed partial record Token
        {
            public string? Role, {|TJ0001:Password|};
        }
        """,
        """
        [JwtPayload]
        public sealed partial record Token
        {
            public string? Role;
        }
        """);
}
