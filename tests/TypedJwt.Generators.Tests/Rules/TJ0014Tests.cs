using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0014 (docs/diagnostics/TJ0014.md): <c>SkipIssuerValidation = true</c> written as a constant: any issuer's token is
/// accepted. What it shares with the other policy rules is tested in <c>ValidationPolicy/</c>.
/// </summary>
public class TJ0014Tests
{
    [Fact]
    public Task Reports_the_constant() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Make() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], {|TJ0014:SkipIssuerValidation = true|} };
        }
        """);

    [Fact]
    public Task Is_silent_for_the_safe_constant_and_a_computed_value() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Safe() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], SkipIssuerValidation = false };

            public static JwtValidationPolicy Computed(bool skipIssuer) => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], SkipIssuerValidation = skipIssuer };
        }
        """);
}
