using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules.SensitiveClaims;

/// <summary>
/// What TJ0001 and TJ0002 share, being one analysis: words, not substrings; type awareness; explicit marks; naming
/// policies; nested claim sets.
/// </summary>
public class SensitiveClaimTests
{
    [Theory]
    [MemberData(nameof(SensitiveClaimSources.HardNegatives), MemberType = typeof(SensitiveClaimSources))]
    public void Harmless_names_and_shapes_are_not_reported(string body) => Assert.Empty(SensitiveClaimSources.Analyze(body));

    [Theory]
    [InlineData(null, "user_pwd")]
    [InlineData("CamelCase", "userPwd")]
    [InlineData("AsDeclared", "UserPwd")]
    public void The_message_names_the_claim_as_the_TypedJwtNamingPolicy_property_names_it(string? value, string claim)
    {
        string source = Harness.Usings + "[JwtPayload] public sealed partial record Token { public string? UserPwd { get; init; } }";
        Diagnostic diagnostic = Assert.Single(Harness.Analyze([source], GlobalOptionsProvider.NamingPolicy(value), new SensitiveClaimAnalyzer()));
        Assert.Equal("TJ0001", diagnostic.Id);
        Assert.StartsWith($"Claim '{claim}' looks like a secret (password)", diagnostic.GetMessage());
    }

    [Fact]
    public void A_nested_path_names_each_claim_under_the_property_unless_its_type_sets_a_policy()
    {
        string source = Harness.Usings + """
            [JwtPayload(Encrypted = true, NamingPolicy = JwtNamingPolicy.SnakeCaseLower)] public sealed partial record Address { public string? StreetAddress { get; init; } }
            [JwtPayload(Encrypted = true)] public sealed partial record Profile { public Address? HomeDetails { get; init; } }
            [JwtPayload] public sealed partial record Token { public Profile? OwnerProfile { get; init; } }
            """;
        Diagnostic diagnostic = Assert.Single(Harness.Analyze([source], GlobalOptionsProvider.NamingPolicy("CamelCase"), new SensitiveClaimAnalyzer()));
        Assert.StartsWith("Claim 'ownerProfile' carries 'homeDetails.street_address', which looks like personal data", diagnostic.GetMessage());
    }

    [Fact]
    public void A_claim_name_the_policy_leaves_as_declared_is_still_split_into_words()
    {
        // The claim name is matched as words too: [JwtClaim] gives it here, and it is reported under every policy.
        string source = Harness.Usings + """[JwtPayload] public sealed partial record Token { [JwtClaim("apiKey")] public string? Value { get; init; } }""";
        foreach (string? value in new[] { null, "CamelCase", "AsDeclared" })
        {
            Diagnostic diagnostic = Assert.Single(Harness.Analyze([source], GlobalOptionsProvider.NamingPolicy(value), new SensitiveClaimAnalyzer()));
            Assert.StartsWith("Claim 'apiKey' looks like a secret", diagnostic.GetMessage());
        }
    }

    [Fact]
    public void Sensitive_always_reports_and_picks_the_rule_by_name()
    {
        Harness.AssertSingle("TJ0001", "FavoriteColor", SensitiveClaimSources.Analyze("[Sensitive] public string? FavoriteColor { get; init; }"));
        Harness.AssertSingle("TJ0001", "PasswordChanged", SensitiveClaimSources.Analyze("[Sensitive] public bool PasswordChanged { get; init; }"));
        Harness.AssertSingle("TJ0002", "Street", SensitiveClaimSources.Analyze("[Sensitive] public bool Street { get; init; }"));
        Assert.Contains("is marked [Sensitive]", SensitiveClaimSources.Analyze("[Sensitive] public string? FavoriteColor { get; init; }")[0].GetMessage());
    }

    [Fact]
    public void NotSensitive_never_reports()
    {
        Assert.Empty(SensitiveClaimSources.Analyze("""[NotSensitive(Justification = "a salted hash of the public user id")] public string? PasswordHash { get; init; }"""));
        Assert.Empty(SensitiveClaimSources.Analyze("""[property: NotSensitive(Justification = "demo")] public string? Password { get; init; }"""));
    }

    [Fact]
    public void A_nested_member_marked_NotSensitive_is_not_carried_and_cycles_end()
    {
        string source = Harness.Usings + """
            [JwtPayload(Encrypted = true)] public sealed partial record Card { [NotSensitive(Justification = "masked: last four digits")] public string? CardNumber { get; init; } }
            [JwtPayload] public sealed partial record Node { public Node? Next { get; init; } public Card? Card { get; init; } }
            """;
        Assert.Empty(Harness.Analyze(source, new SensitiveClaimAnalyzer()));
    }

    [Fact]
    public void Ignored_members_and_types_without_the_attribute_are_not_claims()
    {
        Assert.Empty(SensitiveClaimSources.Analyze("[JwtIgnore] public string? Password { get; init; }"));
        Assert.Empty(Harness.Analyze(Harness.Usings + "public sealed record Login(string Password);", new SensitiveClaimAnalyzer()));
    }
}
