using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests;

/// <summary>TJ0010-TJ0016 and TJ0018: the justification of [NotSensitive], hard-coded and short keys, weakened validation policies.</summary>
public class MisuseRuleTests
{
    private const string Usings = """
        #nullable enable
        using System;
        using System.Text;
        using TypedJwt;
        namespace Sample;

        """;

    // Microsoft.IdentityModel's key type, declared under its real metadata name: the analyzer recognises it by name.
    private const string IdentityModelStub = """
        namespace Microsoft.IdentityModel.Tokens { public class SymmetricSecurityKey { public SymmetricSecurityKey(byte[] key) { } } }
        """;

    private const string PrivateOctJwk = "\"\"\"{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}\"\"\"";
    private const string PublicEcJwk = "\"\"\"{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}\"\"\"";

    private static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = AnalyzerTestKit.ReferenceAssemblies,
            TestCode = Usings + source,
        };
        test.TestState.Sources.Add(IdentityModelStub);
        AnalyzerTestKit.AddReferences(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task TJ0010_reports_a_missing_empty_or_blank_justification() => VerifyAsync<NotSensitiveJustificationAnalyzer>("""
        [JwtPayload] public sealed partial record Token(string? Subject, [property: {|TJ0010:NotSensitive|}] string? PinHint)
        {
            [{|TJ0010:NotSensitive(Justification = "")|}] public string? Password { get; init; }
            [{|TJ0010:NotSensitive(Justification = "   ")|}] public string? Ssn { get; init; }
            [NotSensitive(Justification = "masked: last four digits only")] public string? CardNumber { get; init; }
            public string? Name { get; init; }
        }
        """);

    [Fact]
    public Task TJ0011_reports_key_material_written_in_the_source() => VerifyAsync<HardCodedKeyAnalyzer>($$"""
        public static class Keys
        {
            private static readonly byte[] FieldKey = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
            private const string Jwk = {{PrivateOctJwk}};

            public static void Make()
            {
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:"0123456789abcdef0123456789abcdef"u8|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:FieldKey|});
                byte[] zeros = new byte[32];
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:zeros|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:Convert.FromBase64String("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:new byte[] { 1, 2, 3 }.AsSpan()|}, "kid-1");
                JwtSigningKey.FromJwk({|TJ0011:Jwk|});
                JwtKeySet.FromJwks({|TJ0011:"{\"keys\":[" + Jwk + "]}"|});
                _ = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey({|TJ0011:Encoding.ASCII.GetBytes("a-shared-secret-for-the-legacy-api")|});
            }
        }
        """);

    [Fact]
    public Task TJ0011_is_silent_for_public_keys_and_keys_from_outside() => VerifyAsync<HardCodedKeyAnalyzer>($$"""
        public static class Keys
        {
            public static void Make(byte[] fromConfiguration, string jwkFromSecretStore, Func<byte[]> load)
            {
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, fromConfiguration);
                byte[] loaded = load();
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, loaded);
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                JwtSigningKey.FromJwk(jwkFromSecretStore);
                JwtSigningKey.FromJwk({{PublicEcJwk}});
                JwtKeySet.FromJwks(Environment.GetEnvironmentVariable("JWKS")!);
                _ = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(fromConfiguration);
            }
        }
        """);

    [Fact]
    public Task TJ0011_honours_pragma() => VerifyAsync<HardCodedKeyAnalyzer>("""
        public static class Keys
        {
            public static JwtSigningKey Rfc7515AppendixA2()
            {
        #pragma warning disable TJ0011 // a published test vector, not a secret
                return JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, "0123456789abcdef0123456789abcdef"u8);
        #pragma warning restore TJ0011
            }
        }
        """);

    [Fact]
    public Task TJ0012_reports_an_HMAC_key_shorter_than_the_hash() => VerifyAsync<ShortHmacKeyAnalyzer>("""
        public static class Keys
        {
            public static void Make(JwsAlgorithm chosen, byte[] fromConfiguration)
            {
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|#0:"short-secret"u8|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS384, {|#1:Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef")|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS512, {|#2:new byte[63]|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef"));
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS512, new byte[64]);
                JwtSigningKey.CreateHmac(chosen, "short-secret"u8);
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, fromConfiguration);
            }
        }
        """,
        new DiagnosticResult("TJ0012", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("HS256", 12, 32),
        new DiagnosticResult("TJ0012", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("HS384", 32, 48),
        new DiagnosticResult("TJ0012", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("HS512", 63, 64));

    [Fact]
    public Task TJ0013_to_TJ0016_report_each_constant_weakening() => VerifyAsync<ValidationPolicyAnalyzer>("""
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
    public Task TJ0013_to_TJ0016_are_silent_for_strict_or_computed_settings() => VerifyAsync<ValidationPolicyAnalyzer>("""
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

    [Fact]
    public Task TJ0018_reports_a_constant_opt_in_to_unauthenticated_senders() => VerifyAsync<ValidationPolicyAnalyzer>("""
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
    public Task TJ0018_is_silent_for_false_computed_or_other_settings() => VerifyAsync<ValidationPolicyAnalyzer>("""
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

    // JwtValidationPolicy is a class, so `policy with { ... }` does not compile against it today (CS8858). Should it become a
    // record, a with expression must be read like an initializer; this record stands in for it under the same metadata name.
    [Fact]
    public async Task The_policy_rules_read_a_with_expression()
    {
        var test = new CSharpAnalyzerTest<ValidationPolicyAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = AnalyzerTestKit.ReferenceAssemblies,
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

    [Fact]
    public void TJ0018_message_names_the_risk_the_fix_and_when_to_suppress()
    {
        string source = Usings + "public static class P { public static JwtValidationPolicy Make() => new() { ValidIssuers = [\"i\"], ValidAudiences = [\"a\"], DangerousAcceptUnauthenticatedSenders = true }; }";
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Analyze(source, new ValidationPolicyAnalyzer()));
        string message = diagnostic.GetMessage();
        Assert.Contains("anyone who has that key can make with any claims", message);
        Assert.Contains("JweWriter.WriteNested", message);
        Assert.Contains("NestedJwtValidator<T>", message);
        Assert.Contains("its own proof of origin", message);
        Assert.Equal("TypedJwt.Security", diagnostic.Descriptor.Category);
    }
}
