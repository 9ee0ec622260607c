using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0006 (docs/diagnostics/TJ0006.md): a registered claim (RFC 7519 §4.1) declared with a type its JSON form does not
/// fit.
/// </summary>
public class TJ0006Tests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "Audience",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("aud")] public string? Audience { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("aud")] public JwtAudience? Audience { get; init; } }"""
        },
        {
            "Expires",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("exp")] public long Expires { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("exp")] public DateTimeOffset Expires { get; init; } }"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_at_the_identifier_and_not_on_compliant_code(string identifier, string bad, string good)
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode("TJ0006", identifier, bad, good);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_the_type_without_throwing_or_emitting(string identifier, string bad, string good)
    {
        _ = (identifier, good);
        ClaimSetRule.AssertTheGeneratorSkipsTheType(bad);
    }

    [Fact]
    public void The_message_names_the_claim_and_the_expected_type()
    {
        Diagnostic registered = Assert.Single(Harness.Analyze(Harness.Usings + """[JwtPayload] public sealed partial record Token { [JwtClaim("aud")] public string? Audience { get; init; } }"""));
        Assert.Contains("'aud'", registered.GetMessage());
        Assert.Contains("JwtAudience", registered.GetMessage());
    }
}
