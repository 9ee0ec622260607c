namespace TypedJwt.Generators.Tests.Rules;

/// <summary>TJ0005 (docs/diagnostics/TJ0005.md): two members map to the same claim name.</summary>
public class TJ0005Tests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "Second",
            """[JwtPayload] public sealed partial record Token { public string? First { get; init; } [JwtClaim("first")] public string? Second { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { public string? First { get; init; } [JwtClaim("second")] public string? Second { get; init; } }"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_at_the_identifier_and_not_on_compliant_code(string identifier, string bad, string good)
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode("TJ0005", identifier, bad, good);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_the_type_without_throwing_or_emitting(string identifier, string bad, string good)
    {
        _ = (identifier, good);
        ClaimSetRule.AssertTheGeneratorSkipsTheType(bad);
    }
}
