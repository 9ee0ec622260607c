using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0020 (docs/diagnostics/TJ0020.md): a payload type declared Revocable must declare a required <c>jti</c> claim, since
/// revocation and one-time use find a token by its issuer and <c>jti</c>.
/// </summary>
public class TJ0020Tests
{
    private const string WithRequiredTokenId = """
        [JwtPayload(Revocable = true)]
        public sealed partial record Token { [JwtClaim("jti")] public required string TokenId { get; init; } }
        """;

    [Fact]
    public void Reported_at_the_type_when_no_claim_is_jti_and_not_on_compliant_code()
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode(
            "TJ0020",
            "Token",
            """[JwtPayload(Revocable = true)] public sealed partial record Token { public required string Sub { get; init; } }""",
            WithRequiredTokenId);

    [Fact]
    public void Reported_at_the_member_when_jti_is_optional()
        => ClaimSetRule.AssertReportedAtTheIdentifierAndNotOnCompliantCode(
            "TJ0020",
            "Jti",
            """[JwtPayload(Revocable = true)] public sealed partial record Token { public Guid? Jti { get; init; } }""",
            """[JwtPayload(Revocable = true)] public sealed partial record Token { public required Guid Jti { get; init; } }""");

    [Fact]
    public void A_jti_named_by_the_naming_policy_or_a_positional_parameter_counts()
    {
        Assert.Empty(Harness.Analyze(Harness.Usings + """[JwtPayload(Revocable = true)] public sealed partial record Token { public required string Jti { get; init; } }"""));
        Assert.Empty(Harness.Analyze(Harness.Usings + """[JwtPayload(Revocable = true)] public sealed partial record Token(string Jti);"""));
    }

    [Fact]
    public void Not_reported_without_Revocable()
        => Assert.Empty(Harness.Analyze(Harness.Usings + """[JwtPayload] public sealed partial record Token { public string? Jti { get; init; } }"""));

    [Fact]
    public void The_message_names_the_type_and_what_is_missing()
    {
        Diagnostic missing = Assert.Single(Harness.Analyze(Harness.Usings + """[JwtPayload(Revocable = true)] public sealed partial record Session { public required string Sub { get; init; } }"""));
        Assert.Contains("'Session'", missing.GetMessage());
        Assert.Contains("declares no 'jti' claim", missing.GetMessage());

        Diagnostic optional = Assert.Single(Harness.Analyze(Harness.Usings + """[JwtPayload(Revocable = true)] public sealed partial record Session { [JwtClaim("jti")] public string? Id { get; init; } }"""));
        Assert.Contains("'jti' claim ('Id') is optional", optional.GetMessage());
    }

    [Fact]
    public void The_generator_skips_the_type_without_throwing_or_emitting()
        => ClaimSetRule.AssertTheGeneratorSkipsTheType("""[JwtPayload(Revocable = true)] public sealed partial record Token { public string? Jti { get; init; } }""");

    [Fact]
    public void A_revocable_type_says_so_and_others_do_not()
    {
        (GeneratorDriverRunResult revocable, Compilation output) = Harness.Run(Harness.Usings + WithRequiredTokenId);
        Assert.Contains("IsRevocable => true", Assert.Single(revocable.GeneratedTrees).ToString());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        (GeneratorDriverRunResult plain, _) = Harness.Run(Harness.Usings + """[JwtPayload] public sealed partial record Token { [JwtClaim("jti")] public required string TokenId { get; init; } }""");
        Assert.DoesNotContain("IsRevocable", Assert.Single(plain.GeneratedTrees).ToString());
    }
}
