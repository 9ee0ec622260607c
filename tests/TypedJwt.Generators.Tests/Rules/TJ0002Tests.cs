using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Analyzers;
using TypedJwt.Generators.Tests.Rules.SensitiveClaims;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0002 (docs/diagnostics/TJ0002.md): a personal-data claim in a payload that is not encrypted, or in a header. What
/// it shares with TJ0001 is tested in <c>SensitiveClaims/</c>.
/// </summary>
public class TJ0002Tests
{
    [Theory]
    [MemberData(nameof(SensitiveClaimSources.PersonalData), MemberType = typeof(SensitiveClaimSources))]
    public void Personal_data_is_TJ0002_at_the_member(string body, string identifier) => Harness.AssertSingle("TJ0002", identifier, SensitiveClaimSources.Analyze(body));

    [Fact]
    public void Classification_and_identity_attributes_are_personal_data_by_metadata_name()
    {
        string source = Harness.Usings + SensitiveClaimSources.MarkerStubs + """
            [JwtPayload] public sealed partial record Token
            {
                [PrivateData] public string? FavoriteColor { get; init; }
                [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string? Nickname { get; init; }
                [Microsoft.AspNetCore.Identity.PersonalData] public string? ApiKey { get; init; }
                [PrivateData, NotSensitive(Justification = "shown on every page anyway")] public string? Theme { get; init; }
            }
            """;
        Diagnostic[] diagnostics = [.. Harness.Analyze([source, SensitiveClaimSources.StubNamespaces], new SensitiveClaimAnalyzer())];
        Assert.Equal(["FavoriteColor:TJ0002", "Nickname:TJ0002", "ApiKey:TJ0001"], diagnostics.Select(d => Harness.Text(d) + ":" + d.Id));
        Assert.Contains("is marked [PrivateData]", diagnostics[0].GetMessage());
        Assert.Contains("is marked [ProtectedPersonalData]", diagnostics[1].GetMessage());
    }

    [Fact]
    public void A_nested_claim_set_is_reported_at_the_member_that_puts_it_into_the_payload()
    {
        string source = Harness.Usings + """
            [JwtPayload(Encrypted = true)] public sealed partial record Address { public string? Street { get; init; } public string? Country { get; init; } }
            [JwtPayload(Encrypted = true)] public sealed partial record Profile { public Address? Home { get; init; } }
            [JwtPayload] public sealed partial record Token { public Profile? Owner { get; init; } public string? Role { get; init; } }
            """;
        Diagnostic diagnostic = Assert.Single(Harness.Analyze(source, new SensitiveClaimAnalyzer()));
        Assert.Equal("TJ0002", diagnostic.Id);
        Assert.Equal("Owner", Harness.Text(diagnostic));
        Assert.Equal("Claim 'owner' carries 'home.street', which looks like personal data (street address), and payload 'Token' is not Encrypted: anyone who holds the token can read it", diagnostic.GetMessage());
    }

    [Theory]
    [MemberData(nameof(SensitiveClaimSources.PersonalData), MemberType = typeof(SensitiveClaimSources))]
    public void An_encrypted_payload_is_never_reported(string body, string identifier)
    {
        _ = identifier;
        Assert.Empty(SensitiveClaimSources.Analyze(body, "[JwtPayload(Encrypted = true)]"));
    }
}
