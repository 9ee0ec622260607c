namespace TypedJwt.Generators.Tests.Rules;

/// <summary>TJ0008 (docs/diagnostics/TJ0008.md): a claim name is empty.</summary>
public class TJ0008Tests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "Name",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("")] public string? Name { get; init; } }""",
            """[JwtPayload] public sealed partial record Token { [JwtClaim("name")] public string? Name { get; init; } }"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_at_the_identifier_and_not_on_compliant_code(string identifier, string bad, string good)
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode("TJ0008", identifier, bad, good);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_the_type_without_throwing_or_emitting(string identifier, string bad, string good)
    {
        _ = (identifier, good);
        ClaimSetRule.AssertTheGeneratorSkipsTheType(bad);
    }
}
