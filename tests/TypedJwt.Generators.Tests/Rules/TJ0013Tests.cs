using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0013 (docs/diagnostics/TJ0013.md): <c>RequireExpirationTime = false</c> written as a constant: tokens without
/// <c>exp</c> never expire. What it shares with the other policy rules is tested in <c>ValidationPolicy/</c>.
/// </summary>
public class TJ0013Tests
{
    [Fact]
    public Task Reports_the_constant() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Make() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], {|TJ0013:RequireExpirationTime = false|} };
        }
        """);

    [Fact]
    public Task Is_silent_for_the_safe_constant_and_a_computed_value() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Safe() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], RequireExpirationTime = true };

            public static JwtValidationPolicy Computed(bool requireExpiration) => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], RequireExpirationTime = requireExpiration };
        }
        """);
}
