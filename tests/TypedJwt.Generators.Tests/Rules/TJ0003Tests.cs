namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0003 (docs/diagnostics/TJ0003.md): a <c>[JwtPayload]</c> or <c>[JwtHeader]</c> type, and every type it is nested
/// in, must be <c>partial</c>.
/// </summary>
public class TJ0003Tests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "Token",
            "[JwtPayload] public sealed record Token { public string? Name { get; init; } }",
            "[JwtPayload] public sealed partial record Token { public string? Name { get; init; } }"
        },
        {
            "Token",
            "public static class Outer { [JwtPayload] public sealed partial record Token { public string? Name { get; init; } } }",
            "public static partial class Outer { [JwtPayload] public sealed partial record Token { public string? Name { get; init; } } }"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_at_the_identifier_and_not_on_compliant_code(string identifier, string bad, string good)
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode("TJ0003", identifier, bad, good);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_the_type_without_throwing_or_emitting(string identifier, string bad, string good)
    {
        _ = (identifier, good);
        ClaimSetRule.AssertTheGeneratorSkipsTheType(bad);
    }
}
