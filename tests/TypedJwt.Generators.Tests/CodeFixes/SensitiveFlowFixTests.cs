using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TypedJwt.CodeFixes;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>
/// The TJ0019 fixes, through the one exported provider (<c>SensitiveFlowCodeFixProvider</c>): mark the payload Encrypted,
/// remove the write, mark the claim [NotSensitive] with the placeholder TJ0010 reports, in that order.
/// </summary>
public class SensitiveFlowFixTests
{
    private const string Payload = """
        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record Profile
        {
            [JwtClaim("sub")] public required string Subject { get; init; }
            public string? Nickname { get; init; }
            public string[]? Tags { get; init; }
        }
        public sealed class User { public string Id { get; set; } = ""; public string? PasswordHash { get; set; } public string? ApiKey { get; set; } }

        """;

    [Fact]
    public Task Encrypted_is_set_on_the_payload_the_claim_belongs_to() => Harness.VerifyFlowCodeFixAsync(
        Payload + "public static class Flows { public static Profile M(User user) => new() { Subject = user.Id, {|TJ0019:Nickname = user.PasswordHash|} }; }",
        Payload.Replace("[JwtPayload(TokenType = \"at+jwt\")]", "[JwtPayload(TokenType = \"at+jwt\", Encrypted = true)]")
            + "public static class Flows { public static Profile M(User user) => new() { Subject = user.Id, Nickname = user.PasswordHash }; }",
        nameof(MarkPayloadEncryptedCodeFixProvider));

    [Fact]
    public Task Remove_takes_the_assignment_out_of_an_initializer() => Harness.VerifyFlowCodeFixAsync(
        Payload + "public static class Flows { public static Profile M(User user) => new() { Subject = user.Id, {|TJ0019:Nickname = user.PasswordHash|} }; }",
        Payload + "public static class Flows { public static Profile M(User user) => new() { Subject = user.Id }; }",
        nameof(RemoveClaimWriteCodeFixProvider));

    [Fact]
    public Task Remove_takes_out_a_with_assignment_a_collection_element_and_a_statement() => Harness.VerifyFlowCodeFixAsync(
        Payload + """
        public sealed class Mutable { public List<string> Roles { get; } = new(); }
        [JwtPayload] public sealed partial class Session { public string? Note { get; set; } public List<string> Labels { get; init; } = new(); }
        public static class Flows
        {
            public static Profile A(Profile p, User user) => p with { {|TJ0019:Nickname = user.ApiKey|} };
            public static Session B(User user) => new() { Labels = { "a", {|TJ0019:user.ApiKey!|} } };
            public static Session C(User user)
            {
                var session = new Session();
                {|TJ0019:session.Note = user.PasswordHash|};
                return session;
            }
        }
        """,
        Payload + """
        public sealed class Mutable { public List<string> Roles { get; } = new(); }
        [JwtPayload] public sealed partial class Session { public string? Note { get; set; } public List<string> Labels { get; init; } = new(); }
        public static class Flows
        {
            public static Profile A(Profile p, User user) => p with { };
            public static Session B(User user) => new() { Labels = { "a" } };
            public static Session C(User user)
            {
                var session = new Session();
                return session;
            }
        }
        """,
        nameof(RemoveClaimWriteCodeFixProvider));

    [Fact]
    public Task NotSensitive_marks_the_claim_with_the_placeholder() => Harness.VerifyFlowCodeFixAsync(
        Payload + "public static class Flows { public static Profile M(User user) => new() { Subject = user.Id, {|TJ0019:Nickname = user.PasswordHash|} }; }",
        Payload.Replace("    public string? Nickname", "    [NotSensitive(Justification = \"Why may anyone holding the token read this claim?\")]\n    public string? Nickname")
            + "public static class Flows { public static Profile M(User user) => new() { Subject = user.Id, Nickname = user.PasswordHash }; }",
        nameof(MarkNotSensitiveCodeFixProvider));

    [Fact]
    public async Task Encrypt_is_registered_first_then_remove_then_NotSensitive()
    {
        using var workspace = new FixWorkspace();
        ProjectId project = workspace.AddProject("App", [Payload + "public static class Flows { public static Profile M(User user) => new() { Subject = user.Id, Nickname = user.PasswordHash }; }"]);
        ImmutableArray<Diagnostic> diagnostics = await workspace.AnalyzeAsync(project, new SensitiveFlowAnalyzer());
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            [nameof(MarkPayloadEncryptedCodeFixProvider), nameof(RemoveClaimWriteCodeFixProvider), nameof(MarkNotSensitiveCodeFixProvider)],
            (await workspace.ActionsAsync(new SensitiveFlowCodeFixProvider(), diagnostic)).Select(a => a.EquivalenceKey));
    }

    [Fact]
    public async Task Remove_is_not_offered_for_a_required_claim_or_a_positional_argument()
    {
        using var workspace = new FixWorkspace();
        ProjectId project = workspace.AddProject("App", ["""
            [JwtPayload] public sealed partial record Pair(string? Subject, string? Note);
            [JwtPayload] public sealed partial record Strict { public required string Note { get; init; } }
            public static class Flows
            {
                public static Pair A(string password) => new("s", password);
                public static Strict B(string password) => new() { Note = password };
            }
            """]);
        foreach (Diagnostic diagnostic in await workspace.AnalyzeAsync(project, new SensitiveFlowAnalyzer()))
        {
            Assert.DoesNotContain(nameof(RemoveClaimWriteCodeFixProvider), (await workspace.ActionsAsync(new SensitiveFlowCodeFixProvider(), diagnostic)).Select(a => a.EquivalenceKey));
        }

        Assert.Equal(2, (await workspace.AnalyzeAsync(project, new SensitiveFlowAnalyzer())).Length);
    }
}
