using TypedJwt.CodeFixes;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>
/// "Mark the payload Encrypted": adds or flips <c>Encrypted = true</c> on the partial declaration that carries
/// <c>[JwtPayload]</c>; never offered for a header. (<c>MarkPayloadEncryptedCodeFixProvider</c>, one of the
/// TJ0001/TJ0002 fixes.)
/// </summary>
public class MarkPayloadEncryptedTests
{
    [Fact]
    public Task Encrypt_adds_the_named_argument() => Harness.VerifyCodeFixAsync<MarkPayloadEncryptedCodeFixProvider>(
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
    public Task Encrypt_turns_false_into_true_and_creates_an_argument_list() => Harness.VerifyCodeFixAsync<MarkPayloadEncryptedCodeFixProvider>(
        """
        [JwtPayload(Encrypted = false)] public sealed partial record Token { public string? {|TJ0001:ApiKey|} { get; init; } }
        [JwtPayload] public sealed partial record Other(string? {|TJ0002:Ssn|});
        """,
        """
        [JwtPayload(Encrypted = true)] public sealed partial record Token { public string? ApiKey { get; init; } }
        [JwtPayload(Encrypted = true)] public sealed partial record Other(string? Ssn);
        """);

    [Fact]
    public Task Encrypt_edits_the_partial_declaration_that_carries_the_attribute() => Harness.VerifyCodeFixAsync<MarkPayloadEncryptedCodeFixProvider>(
        [
            "public sealed partial record Token { public string? {|TJ0001:ClientSecret|} { get; init; } }",
            "[JwtPayload] public sealed partial record Token { public string? Subject { get; init; } }",
        ],
        [
            "public sealed partial record Token { public string? ClientSecret { get; init; } }",
            "[JwtPayload(Encrypted = true)] public sealed partial record Token { public string? Subject { get; init; } }",
        ]);

    [Fact]
    public async Task Encrypt_is_not_offered_for_a_header()
    {
        string source = Harness.Usings + "[JwtHeader] public sealed partial record Header { public string? {|TJ0001:ApiKey|} { get; init; } }";
        var test = Harness.CodeFixTest<MarkPayloadEncryptedCodeFixProvider>();
        test.TestCode = source;
        test.FixedCode = source;
        await test.RunAsync();
    }
}
