namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0009 (docs/diagnostics/TJ0009.md): a claim set type of a shape the generator does not support (generic, abstract,
/// static, more than 64 claims).
/// </summary>
public class TJ0009Tests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "Token",
            "[JwtPayload] public sealed partial record Token<T> { public string? Name { get; init; } }",
            "[JwtPayload] public sealed partial record Token { public string? Name { get; init; } }"
        },
        {
            "Token",
            "[JwtPayload] public abstract partial record Token { public string? Name { get; init; } }",
            "[JwtPayload] public sealed partial record Token { public string? Name { get; init; } }"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_at_the_identifier_and_not_on_compliant_code(string identifier, string bad, string good)
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode("TJ0009", identifier, bad, good);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_the_type_without_throwing_or_emitting(string identifier, string bad, string good)
    {
        _ = (identifier, good);
        ClaimSetRule.AssertTheGeneratorSkipsTheType(bad);
    }
}
