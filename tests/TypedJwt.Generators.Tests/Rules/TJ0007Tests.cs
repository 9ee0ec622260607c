namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0007 (docs/diagnostics/TJ0007.md): a typed header declares a parameter the runtime reads and writes itself
/// (<c>alg</c>, <c>kid</c>, <c>typ</c>, <c>crit</c>, <c>cty</c>).
/// </summary>
public class TJ0007Tests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "KeyId",
            """[JwtHeader] public sealed partial record Header { [JwtClaim("kid")] public string? KeyId { get; init; } }""",
            """[JwtHeader] public sealed partial record Header { [JwtClaim("x-kid")] public string? KeyId { get; init; } }"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_at_the_identifier_and_not_on_compliant_code(string identifier, string bad, string good)
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode("TJ0007", identifier, bad, good);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_the_type_without_throwing_or_emitting(string identifier, string bad, string good)
    {
        _ = (identifier, good);
        ClaimSetRule.AssertTheGeneratorSkipsTheType(bad);
    }
}
