using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>TJ0004 (docs/diagnostics/TJ0004.md): a claim member's type is one the generator cannot read and write.</summary>
public class TJ0004Tests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "Lookup",
            "[JwtPayload] public sealed partial record Token { public Dictionary<string, string>? Lookup { get; init; } }",
            "[JwtPayload] public sealed partial record Token { [JwtIgnore] public Dictionary<string, string>? Lookup { get; init; } }"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_at_the_identifier_and_not_on_compliant_code(string identifier, string bad, string good)
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode("TJ0004", identifier, bad, good);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_skips_the_type_without_throwing_or_emitting(string identifier, string bad, string good)
    {
        _ = (identifier, good);
        ClaimSetRule.AssertTheGeneratorSkipsTheType(bad);
    }

    [Fact]
    public void A_nested_claim_set_without_generated_code_is_an_unsupported_member_not_broken_output()
    {
        string source = Harness.Usings + """
            [JwtPayload] public sealed record Address { public string? Country { get; init; } }
            [JwtPayload] public sealed partial record Token { public Address? Home { get; init; } }
            """;
        Assert.Equal(["TJ0003", "TJ0004"], Harness.Analyze(source).Select(d => d.Id).Order().ToArray());
        (GeneratorDriverRunResult result, _) = Harness.Run(source);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void The_message_names_the_member_and_its_type()
    {
        Diagnostic unsupported = Assert.Single(Harness.Analyze(Harness.Usings + "[JwtPayload] public sealed partial record Token { public object? Blob { get; init; } }"));
        Assert.Contains("'Blob'", unsupported.GetMessage());
        Assert.Contains("'object?'", unsupported.GetMessage());
    }

    [Fact]
    public void Pragma_suppresses_it()
    {
        string source = Harness.Usings + """
            [JwtPayload] public sealed partial record Token
            {
            #pragma warning disable TJ0004
                public object? Blob { get; init; }
            #pragma warning restore TJ0004
            }
            """;
        Assert.All(Harness.Analyze(source), d => Assert.True(d.IsSuppressed));
    }
}
