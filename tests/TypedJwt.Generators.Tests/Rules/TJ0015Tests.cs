using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0015 (docs/diagnostics/TJ0015.md): <c>SkipAudienceValidation = true</c> written as a constant: a token meant for
/// another API is accepted. What it shares with the other policy rules is tested in <c>ValidationPolicy/</c>.
/// </summary>
public class TJ0015Tests
{
    [Fact]
    public Task Reports_the_constant() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Make() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], {|TJ0015:SkipAudienceValidation = true|} };
        }
        """);

    [Fact]
    public Task Is_silent_for_the_safe_constant_and_a_computed_value() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Safe() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], SkipAudienceValidation = false };

            public static JwtValidationPolicy Computed(bool skipAudience) => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], SkipAudienceValidation = skipAudience };
        }
        """);
}
