using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules.ValidationPolicy;

/// <summary>
/// What TJ0013-TJ0016 and TJ0018 share, being one pass over a <c>JwtValidationPolicy</c> initializer: every constant
/// weakening in one initializer, settings that are strict or computed at run time, <c>with</c> expressions, severities.
/// </summary>
public class ValidationPolicyRuleTests
{
    [Fact]
    public Task TJ0013_to_TJ0016_report_each_constant_weakening() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Lenient() => new()
            {
                ValidIssuers = ["https://id.example"],
                {|TJ0013:RequireExpirationTime = false|},
                {|TJ0014:SkipIssuerValidation = true|},
                {|TJ0015:SkipAudienceValidation = true|},
                {|#0:Leeway = TimeSpan.FromMinutes(10)|},
            };

            public static JwtValidationPolicy Hour() => new JwtValidationPolicy { ValidIssuers = ["i"], ValidAudiences = ["a"], {|#1:Leeway = new TimeSpan(1, 0, 0)|} };
        }
        """,
        new DiagnosticResult("TJ0016", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("00:10:00"),
        new DiagnosticResult("TJ0016", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("01:00:00"));

    [Fact]
    public Task TJ0013_to_TJ0016_are_silent_for_strict_or_computed_settings() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Strict(bool skipIssuer, TimeSpan configured) => new()
            {
                ValidIssuers = ["https://id.example"],
                ValidAudiences = ["api"],
                RequireExpirationTime = true,
                SkipIssuerValidation = skipIssuer,
                SkipAudienceValidation = false,
                Leeway = TimeSpan.FromMinutes(5),
            };

            public static JwtValidationPolicy Seconds() => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], Leeway = TimeSpan.FromSeconds(90) };

            public static JwtValidationPolicy Configured(TimeSpan leeway) => new() { ValidIssuers = ["i"], ValidAudiences = ["a"], Leeway = leeway };

            public static JwtValidationPolicy Default() => JwtValidationPolicy.For("https://id.example", "api");
        }
        """);

    // JwtValidationPolicy is a class, so `policy with { ... }` does not compile against it today (CS8858). Should it become a
    // record, a with expression must be read like an initializer; this record stands in for it under the same metadata name.
    [Fact]
    public async Task The_policy_rules_read_a_with_expression()
    {
        var test = new CSharpAnalyzerTest<ValidationPolicyAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = Harness.ReferenceAssemblies,
            TestCode = """
                using System;

                namespace TypedJwt
                {
                    public sealed record JwtValidationPolicy
                    {
                        public bool RequireExpirationTime { get; init; } = true;
                        public bool SkipIssuerValidation { get; init; }
                        public bool SkipAudienceValidation { get; init; }
                        public TimeSpan Leeway { get; init; } = TimeSpan.FromSeconds(30);
                        public bool DangerousAcceptUnauthenticatedSenders { get; init; }
                    }
                }

                namespace Sample
                {
                    using TypedJwt;

                    public static class Policies
                    {
                        public static JwtValidationPolicy Loosen(JwtValidationPolicy strict) => strict with
                        {
                            {|TJ0013:RequireExpirationTime = false|},
                            {|TJ0014:SkipIssuerValidation = true|},
                            {|TJ0015:SkipAudienceValidation = true|},
                            {|#0:Leeway = TimeSpan.FromHours(1)|},
                            {|TJ0018:DangerousAcceptUnauthenticatedSenders = true|},
                        };

                        public static JwtValidationPolicy Keep(JwtValidationPolicy strict, bool legacy) => strict with
                        {
                            Leeway = TimeSpan.FromSeconds(10),
                            DangerousAcceptUnauthenticatedSenders = legacy,
                        };
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TJ0016", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("01:00:00"));
        await test.RunAsync();
    }

    [Fact]
    public void The_weakened_policy_rules_have_the_documented_severities()
    {
        var severities = new ValidationPolicyAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id, d => d.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, severities["TJ0013"]);
        Assert.Equal(DiagnosticSeverity.Info, severities["TJ0014"]);
        Assert.Equal(DiagnosticSeverity.Warning, severities["TJ0015"]);
        Assert.Equal(DiagnosticSeverity.Warning, severities["TJ0016"]);
        Assert.Equal(DiagnosticSeverity.Warning, severities["TJ0018"]);
    }
}
