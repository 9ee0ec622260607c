using TypedJwt.CodeFixes;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>
/// "Mark [NotSensitive]": adds the attribute with the placeholder justification, never an empty one (TJ0010 then asks for it).
/// (<c>MarkNotSensitiveCodeFixProvider</c>, one of the TJ0001/TJ0002 fixes.)
/// </summary>
public class MarkNotSensitiveTests
{
    [Fact]
    public Task NotSensitive_marks_properties_fields_and_parameters() => Harness.VerifyCodeFixAsync<MarkNotSensitiveCodeFixProvider>(
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
        public sealed partial record Token(string? Subject, [property: NotSensitive(Justification = "Why may anyone holding the token read this claim?")] string? Pin)
        {
            /// <summary>The hash the legacy gateway compares.</summary>
            [NotSensitive(Justification = "Why may anyone holding the token read this claim?")]
            public string? PasswordHash { get; init; }

            [NotSensitive(Justification = "Why may anyone holding the token read this claim?")]
            [JwtClaim("tax")] public string? TaxId { get; init; }

            [NotSensitive(Justification = "Why may anyone holding the token read this claim?")]
            public string? PhoneNumber;
        }
        """);

    [Fact]
    public Task NotSensitive_qualifies_the_attribute_without_a_using() => Harness.VerifyCodeFixAsync<MarkNotSensitiveCodeFixProvider>(
        ["namespace Sample;\n[TypedJwt.JwtPayload] public sealed partial record Token { public string? {|TJ0001:Password|} { get; init; } }"],
        ["namespace Sample;\n[TypedJwt.JwtPayload] public sealed partial record Token { [TypedJwt.NotSensitive(Justification = \"Why may anyone holding the token read this claim?\")] public string? Password { get; init; } }"],
        usings: false);
}
