using TypedJwt.CodeFixes;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>
/// "Remove the claim": deletes the member, or the positional parameter, that carries the claim.
/// (<c>RemoveClaimMemberCodeFixProvider</c>, one of the TJ0001/TJ0002 fixes.)
/// </summary>
public class RemoveClaimMemberTests
{
    [Fact]
    public Task Remove_deletes_properties_fields_and_parameters() => Harness.VerifyCodeFixAsync<RemoveClaimMemberCodeFixProvider>(
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
    public Task Remove_keeps_the_other_variables_of_a_field_declaration() => Harness.VerifyCodeFixAsync<RemoveClaimMemberCodeFixProvider>(
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
