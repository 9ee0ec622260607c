using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0016 (docs/diagnostics/TJ0016.md): a constant <c>Leeway</c> above 5 minutes. What it shares with the other policy
/// rules is tested in <c>ValidationPolicy/</c>.
/// </summary>
public class TJ0016Tests
{
    [Fact]
    public Task Reports_a_constant_above_five_minutes_with_its_value() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Make() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], {|#0:Leeway = TimeSpan.FromSeconds(301)|} };
        }
        """,
        new DiagnosticResult("TJ0016", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("00:05:01"));

    [Fact]
    public Task Is_silent_at_five_minutes_and_for_a_computed_value() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Limit() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], Leeway = TimeSpan.FromMinutes(5) };

            public static JwtValidationPolicy Computed(TimeSpan configured) => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], Leeway = configured };
        }
        """);
}
