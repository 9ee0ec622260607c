using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Analyzers;
using TypedJwt.Generators.Tests.Rules.SensitiveClaims;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0001 (docs/diagnostics/TJ0001.md): a secret- or credential-like claim in a payload that is not encrypted, or in a
/// header. What it shares with TJ0002 is tested in <c>SensitiveClaims/</c>.
/// </summary>
public class TJ0001Tests
{
    [Theory]
    [MemberData(nameof(SensitiveClaimSources.Secrets), MemberType = typeof(SensitiveClaimSources))]
    public void A_secret_is_TJ0001_at_the_member(string body, string identifier) => Harness.AssertSingle("TJ0001", identifier, SensitiveClaimSources.Analyze(body));

    [Theory]
    [MemberData(nameof(SensitiveClaimSources.Secrets), MemberType = typeof(SensitiveClaimSources))]
    public void An_encrypted_payload_is_never_reported(string body, string identifier)
    {
        _ = identifier;
        Assert.Empty(SensitiveClaimSources.Analyze(body, "[JwtPayload(Encrypted = true)]"));
    }

    [Fact]
    public void The_message_names_the_claim_what_it_looks_like_and_the_payload()
    {
        Diagnostic diagnostic = Assert.Single(SensitiveClaimSources.Analyze("public string? UserPwd { get; init; }"));
        Assert.Equal("Claim 'user_pwd' looks like a secret (password), and payload 'Token' is not Encrypted: anyone who holds the token can read it", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("true", diagnostic.Properties[SensitiveClaimAnalyzer.CanEncryptProperty]);
    }

    [Fact]
    public void A_header_is_reported_even_when_nothing_says_Encrypted_and_offers_no_encrypt_fix()
    {
        Diagnostic diagnostic = Assert.Single(SensitiveClaimSources.Analyze("public string? ApiKey { get; init; }", "[JwtHeader]"));
        Assert.Equal("TJ0001", diagnostic.Id);
        Assert.Contains("header 'Token' is readable even in an encrypted token", diagnostic.GetMessage());
        Assert.False(diagnostic.Properties.ContainsKey(SensitiveClaimAnalyzer.CanEncryptProperty));
    }

    [Fact]
    public void A_positional_record_parameter_is_reported_at_the_parameter()
    {
        string source = Harness.Usings + "[JwtPayload] public sealed partial record Token(string? Subject, string? Password);";
        Harness.AssertSingle("TJ0001", "Password", [.. Harness.Analyze(source, new SensitiveClaimAnalyzer())]);
    }

    [Fact]
    public void Pragma_suppresses_it()
    {
        string source = Harness.Usings + """
            [JwtPayload] public sealed partial record Token
            {
            #pragma warning disable TJ0001 // the demo token carries the password on purpose
                public string? Password { get; init; }
            #pragma warning restore TJ0001
            }
            """;
        // Suppressed diagnostics are not returned; the same source without the pragma has one.
        Assert.Empty(Harness.Analyze(source, new SensitiveClaimAnalyzer()));
        Assert.Single(Harness.Analyze(source.Replace("#pragma", "// "), new SensitiveClaimAnalyzer()));
    }
}
