using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0018 (docs/diagnostics/TJ0018.md): <c>DangerousAcceptUnauthenticatedSenders = true</c> written as a constant in a
/// policy initializer.
/// </summary>
public class TJ0018Tests
{
    [Fact]
    public Task Reports_a_constant_opt_in_to_unauthenticated_senders() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            private const bool Accept = true;

            public static JwtValidationPolicy Inline() => new()
            {
                ValidIssuers = ["https://id.example"],
                ValidAudiences = ["api"],
                {|TJ0018:DangerousAcceptUnauthenticatedSenders = true|},
            };

            public static JwtValidationPolicy Named() => new JwtValidationPolicy { ValidIssuers = ["i"], ValidAudiences = ["a"], {|TJ0018:DangerousAcceptUnauthenticatedSenders = Accept|} };

            public static JwtValidationPolicy WithOthers() => new()
            {
                ValidIssuers = ["i"],
                {|TJ0015:SkipAudienceValidation = true|},
                {|TJ0018:DangerousAcceptUnauthenticatedSenders = !false|},
            };
        }
        """);

    [Fact]
    public Task Is_silent_for_false_computed_or_other_settings() => Harness.VerifyAnalyzerAsync<ValidationPolicyAnalyzer>("""
        public static class Policies
        {
            public static JwtValidationPolicy Off() => new()
            {
                ValidIssuers = ["https://id.example"],
                ValidAudiences = ["api"],
                DangerousAcceptUnauthenticatedSenders = false,
            };

            public static JwtValidationPolicy Configured(bool legacyPartner) => new()
            {
                ValidIssuers = ["i"],
                ValidAudiences = ["a"],
                DangerousAcceptUnauthenticatedSenders = legacyPartner,
            };

            public static JwtValidationPolicy FromEnvironment() => new()
            {
                ValidIssuers = ["i"],
                ValidAudiences = ["a"],
                DangerousAcceptUnauthenticatedSenders = Environment.GetEnvironmentVariable("LEGACY_JWE") == "1",
                RequireExpirationTime = true,
                SkipIssuerValidation = false,
            };

            public static JwtValidationPolicy Default() => JwtValidationPolicy.For("https://id.example", "api");

            public static object Elsewhere() => new LegacyOptions { DangerousAcceptUnauthenticatedSenders = true };
        }

        public sealed class LegacyOptions { public bool DangerousAcceptUnauthenticatedSenders { get; init; } }
        """);

    [Fact]
    public void The_message_names_the_risk_the_fix_and_when_to_suppress()
    {
        string source = Harness.Usings + "public static class P { public static JwtValidationPolicy Make() => new() { ValidIssuers = [\"i\"], ValidAudiences = [\"a\"], DangerousAcceptUnauthenticatedSenders = true }; }";
        Diagnostic diagnostic = Assert.Single(Harness.Analyze(source, new ValidationPolicyAnalyzer()));
        string message = diagnostic.GetMessage();
        Assert.Contains("anyone who has that key can make with any claims", message);
        Assert.Contains("JweWriter.WriteNested", message);
        Assert.Contains("NestedJwtValidator<T>", message);
        Assert.Contains("its own proof of origin", message);
        Assert.Equal("TypedJwt.Security", diagnostic.Descriptor.Category);
    }
}
