using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests;

/// <summary>TJ0001 and TJ0002: words, not substrings; type awareness; explicit marks; nested claim sets; headers.</summary>
public class SensitiveClaimTests
{
    private static Diagnostic[] Analyze(string body, string attribute = "[JwtPayload]")
        => [.. GeneratorHarness.Analyze([AnalyzerTestKit.Usings + MarkerStubs + attribute + " public sealed partial record Token { " + body + " }", StubNamespaces], new SensitiveClaimAnalyzer())];

    // The attributes of Microsoft.Extensions.Compliance and ASP.NET Core Identity, declared here under their real metadata
    // names: the analyzer recognises them by name, not by a package reference.
    private const string MarkerStubs = """
        public enum Level { Low, High }
        public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute { }

        """ + "\n";

    private const string StubNamespaces = """
        namespace Microsoft.Extensions.Compliance.Classification { public class DataClassificationAttribute : System.Attribute { } }
        namespace Microsoft.AspNetCore.Identity
        {
            public class PersonalDataAttribute : System.Attribute { }
            public class ProtectedPersonalDataAttribute : PersonalDataAttribute { }
        }
        """;

    public static TheoryData<string, string> Secrets() => new()
    {
        { "public string? Password { get; init; }", "Password" },
        { "public string? PasswordHash { get; init; }", "PasswordHash" },
        { "public string? NewPwd { get; init; }", "NewPwd" },
        { """[JwtClaim("pwd")] public string? Value { get; init; }""", "Value" },
        { "public string? Passphrase { get; init; }", "Passphrase" },
        { "public int Pin { get; init; }", "Pin" },
        { "public string? OtpSeed { get; init; }", "OtpSeed" },
        { "public string? TOTPSecret { get; init; }", "TOTPSecret" },
        { "public string[]? RecoveryCodes { get; init; }", "RecoveryCodes" },
        { "public string? SecurityAnswer { get; init; }", "SecurityAnswer" },
        { "public string? SecretQuestionAnswer { get; init; }", "SecretQuestionAnswer" },
        { "public string? ApiKey { get; init; }", "ApiKey" },
        { """[JwtClaim("apikey")] public string? Value { get; init; }""", "Value" },
        { "public string? private_key { get; init; }", "private_key" },
        { "public Guid SigningKey { get; init; }", "SigningKey" },
        { "public string? EncryptionKey { get; init; }", "EncryptionKey" },
        { "public string? ClientSecret { get; init; }", "ClientSecret" },
        { "public string? SharedSecret { get; init; }", "SharedSecret" },
        { "public string? RefreshToken { get; init; }", "RefreshToken" },
        { "public string? DbConnectionString { get; init; }", "DbConnectionString" },
        { "public string? Credentials { get; init; }", "Credentials" },
        { "public long CardNumber { get; init; }", "CardNumber" },
        { "public string? CVV2 { get; init; }", "CVV2" },
        { "public int Cvc { get; init; }", "Cvc" },
        { "public string? IBAN { get; init; }", "IBAN" },
        { "public string? BankAccountNumber { get; init; }", "BankAccountNumber" },
        { "public string? RoutingNumber { get; init; }", "RoutingNumber" },
        { "public string? card_number { get; init; }", "card_number" },
    };

    public static TheoryData<string, string> PersonalData() => new()
    {
        { "public string? Ssn { get; init; }", "Ssn" },
        { "public string? UserSSNNumber { get; init; }", "UserSSNNumber" },
        { "public string? SocialSecurityNumber { get; init; }", "SocialSecurityNumber" },
        { "public string? NationalId { get; init; }", "NationalId" },
        { "public string? TaxId { get; init; }", "TaxId" },
        { "public string? PassportNumber { get; init; }", "PassportNumber" },
        { "public string? DriversLicence { get; init; }", "DriversLicence" },
        { "public DateOnly DateOfBirth { get; init; }", "DateOfBirth" },
        { "public DateOnly? Dob { get; init; }", "Dob" },
        { """[JwtClaim("birthdate")] public string? Born { get; init; }""", "Born" },
        { "public string? HomeAddress { get; init; }", "HomeAddress" },
        { "public string? StreetAddress { get; init; }", "StreetAddress" },
        { "public string? PhoneNumber { get; init; }", "PhoneNumber" },
        { "public decimal Salary { get; init; }", "Salary" },
        { "public string? MedicalRecordNumber { get; init; }", "MedicalRecordNumber" },
        { "public string[]? Diagnoses { get; init; }", "Diagnoses" },
        { "public Level BloodType { get; init; }", "BloodType" },
        { "public string? BiometricTemplate { get; init; }", "BiometricTemplate" },
        { "public string? Ethnicity { get; init; }", "Ethnicity" },
        { "public string? Religion { get; init; }", "Religion" },
        { "public string? SexualOrientation { get; init; }", "SexualOrientation" },
        { "public string? MothersMaidenName { get; init; }", "MothersMaidenName" },
    };

    public static TheoryData<string> HardNegatives() => new()
    {
        // Substrings are not words.
        "public string? ClassName { get; init; }",
        "public string? Secretary { get; init; }",
        "public string? Pinned { get; init; }",
        "public string? Spin { get; init; }",
        "public string? Passenger { get; init; }",
        "public string? PasswordlessMethod { get; init; }",
        "public string? KeyboardLayout { get; init; }",
        // A flag, a count or a timestamp about a secret is not the secret.
        "public bool MustChangePassword { get; init; }",
        "public bool PasswordExpired { get; init; }",
        "public bool HasPin { get; init; }",
        "public DateTimeOffset PasswordLastChanged { get; init; }",
        "public Level PasswordStrength { get; init; }",
        "public double PinScore { get; init; }",
        "public int PinAttempts { get; init; }",
        "public int PasswordLength { get; init; }",
        "public bool PhoneNumberVerified { get; init; }",
        // Words after the secret that make it metadata.
        "public string? ApiKeyId { get; init; }",
        "public string? SigningKeyId { get; init; }",
        "public string? ClientSecretName { get; init; }",
        "public DateTimeOffset ClientSecretExpiresAt { get; init; }",
        "public string? CredentialType { get; init; }",
        "public string? PassportExpiry { get; init; }",
        // Identity claims every ID token carries, and look-alikes of the vocabulary.
        """[JwtClaim("sub")] public string? Subject { get; init; }""",
        "public string? Name { get; init; }",
        "public string? Email { get; init; }",
        "public string? EmailAddress { get; init; }",
        "public string? IpAddress { get; init; }",
        "public string? SecurityQuestion { get; init; }",
        "public string? SecretQuestion { get; init; }",
        "public string? HealthCheckUrl { get; init; }",
        "public string? TokenType { get; init; }",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_is_TJ0001_at_the_member(string body, string identifier) => AssertSingle("TJ0001", identifier, Analyze(body));

    [Theory]
    [MemberData(nameof(PersonalData))]
    public void Personal_data_is_TJ0002_at_the_member(string body, string identifier) => AssertSingle("TJ0002", identifier, Analyze(body));

    [Theory]
    [MemberData(nameof(HardNegatives))]
    public void Harmless_names_and_shapes_are_not_reported(string body) => Assert.Empty(Analyze(body));

    [Theory]
    [MemberData(nameof(Secrets))]
    public void An_encrypted_payload_is_never_reported(string body, string identifier)
    {
        _ = identifier;
        Assert.Empty(Analyze(body, "[JwtPayload(Encrypted = true)]"));
    }

    [Fact]
    public void The_message_names_the_claim_what_it_looks_like_and_the_payload()
    {
        Diagnostic diagnostic = Assert.Single(Analyze("public string? UserPwd { get; init; }"));
        Assert.Equal("Claim 'user_pwd' looks like a secret (password), and payload 'Token' is not Encrypted: anyone who holds the token can read it", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("true", diagnostic.Properties[SensitiveClaimAnalyzer.CanEncryptProperty]);
    }

    [Theory]
    [InlineData(null, "user_pwd")]
    [InlineData("CamelCase", "userPwd")]
    [InlineData("AsDeclared", "UserPwd")]
    public void The_message_names_the_claim_as_the_TypedJwtNamingPolicy_property_names_it(string? value, string claim)
    {
        string source = AnalyzerTestKit.Usings + "[JwtPayload] public sealed partial record Token { public string? UserPwd { get; init; } }";
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Analyze([source], GlobalOptionsProvider.NamingPolicy(value), new SensitiveClaimAnalyzer()));
        Assert.Equal("TJ0001", diagnostic.Id);
        Assert.StartsWith($"Claim '{claim}' looks like a secret (password)", diagnostic.GetMessage());
    }

    [Fact]
    public void A_nested_path_names_each_claim_under_the_property_unless_its_type_sets_a_policy()
    {
        string source = AnalyzerTestKit.Usings + """
            [JwtPayload(Encrypted = true, NamingPolicy = JwtNamingPolicy.SnakeCaseLower)] public sealed partial record Address { public string? StreetAddress { get; init; } }
            [JwtPayload(Encrypted = true)] public sealed partial record Profile { public Address? HomeDetails { get; init; } }
            [JwtPayload] public sealed partial record Token { public Profile? OwnerProfile { get; init; } }
            """;
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Analyze([source], GlobalOptionsProvider.NamingPolicy("CamelCase"), new SensitiveClaimAnalyzer()));
        Assert.StartsWith("Claim 'ownerProfile' carries 'homeDetails.street_address', which looks like personal data", diagnostic.GetMessage());
    }

    [Fact]
    public void A_claim_name_the_policy_leaves_as_declared_is_still_split_into_words()
    {
        // The claim name is matched as words too: [JwtClaim] gives it here, and it is reported under every policy.
        string source = AnalyzerTestKit.Usings + """[JwtPayload] public sealed partial record Token { [JwtClaim("apiKey")] public string? Value { get; init; } }""";
        foreach (string? value in new[] { null, "CamelCase", "AsDeclared" })
        {
            Diagnostic diagnostic = Assert.Single(GeneratorHarness.Analyze([source], GlobalOptionsProvider.NamingPolicy(value), new SensitiveClaimAnalyzer()));
            Assert.StartsWith("Claim 'apiKey' looks like a secret", diagnostic.GetMessage());
        }
    }

    [Fact]
    public void Sensitive_always_reports_and_picks_the_rule_by_name()
    {
        AssertSingle("TJ0001", "FavoriteColor", Analyze("[Sensitive] public string? FavoriteColor { get; init; }"));
        AssertSingle("TJ0001", "PasswordChanged", Analyze("[Sensitive] public bool PasswordChanged { get; init; }"));
        AssertSingle("TJ0002", "Street", Analyze("[Sensitive] public bool Street { get; init; }"));
        Assert.Contains("is marked [Sensitive]", Analyze("[Sensitive] public string? FavoriteColor { get; init; }")[0].GetMessage());
    }

    [Fact]
    public void NotSensitive_never_reports()
    {
        Assert.Empty(Analyze("""[NotSensitive(Justification = "a salted hash of the public user id")] public string? PasswordHash { get; init; }"""));
        Assert.Empty(Analyze("""[property: NotSensitive(Justification = "demo")] public string? Password { get; init; }"""));
    }

    [Fact]
    public void Classification_and_identity_attributes_are_personal_data_by_metadata_name()
    {
        string source = AnalyzerTestKit.Usings + MarkerStubs + """
            [JwtPayload] public sealed partial record Token
            {
                [PrivateData] public string? FavoriteColor { get; init; }
                [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string? Nickname { get; init; }
                [Microsoft.AspNetCore.Identity.PersonalData] public string? ApiKey { get; init; }
                [PrivateData, NotSensitive(Justification = "shown on every page anyway")] public string? Theme { get; init; }
            }
            """;
        Diagnostic[] diagnostics = [.. GeneratorHarness.Analyze([source, StubNamespaces], new SensitiveClaimAnalyzer())];
        Assert.Equal(["FavoriteColor:TJ0002", "Nickname:TJ0002", "ApiKey:TJ0001"], diagnostics.Select(d => Text(d) + ":" + d.Id));
        Assert.Contains("is marked [PrivateData]", diagnostics[0].GetMessage());
        Assert.Contains("is marked [ProtectedPersonalData]", diagnostics[1].GetMessage());
    }

    [Fact]
    public void A_nested_claim_set_is_reported_at_the_member_that_puts_it_into_the_payload()
    {
        string source = AnalyzerTestKit.Usings + """
            [JwtPayload(Encrypted = true)] public sealed partial record Address { public string? Street { get; init; } public string? Country { get; init; } }
            [JwtPayload(Encrypted = true)] public sealed partial record Profile { public Address? Home { get; init; } }
            [JwtPayload] public sealed partial record Token { public Profile? Owner { get; init; } public string? Role { get; init; } }
            """;
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Analyze(source, new SensitiveClaimAnalyzer()));
        Assert.Equal("TJ0002", diagnostic.Id);
        Assert.Equal("Owner", Text(diagnostic));
        Assert.Equal("Claim 'owner' carries 'home.street', which looks like personal data (street address), and payload 'Token' is not Encrypted: anyone who holds the token can read it", diagnostic.GetMessage());
    }

    [Fact]
    public void A_nested_member_marked_NotSensitive_is_not_carried_and_cycles_end()
    {
        string source = AnalyzerTestKit.Usings + """
            [JwtPayload(Encrypted = true)] public sealed partial record Card { [NotSensitive(Justification = "masked: last four digits")] public string? CardNumber { get; init; } }
            [JwtPayload] public sealed partial record Node { public Node? Next { get; init; } public Card? Card { get; init; } }
            """;
        Assert.Empty(GeneratorHarness.Analyze(source, new SensitiveClaimAnalyzer()));
    }

    [Fact]
    public void A_header_is_reported_even_when_nothing_says_Encrypted_and_offers_no_encrypt_fix()
    {
        Diagnostic diagnostic = Assert.Single(Analyze("public string? ApiKey { get; init; }", "[JwtHeader]"));
        Assert.Equal("TJ0001", diagnostic.Id);
        Assert.Contains("header 'Token' is readable even in an encrypted token", diagnostic.GetMessage());
        Assert.False(diagnostic.Properties.ContainsKey(SensitiveClaimAnalyzer.CanEncryptProperty));
    }

    [Fact]
    public void A_positional_record_parameter_is_reported_at_the_parameter()
    {
        string source = AnalyzerTestKit.Usings + "[JwtPayload] public sealed partial record Token(string? Subject, string? Password);";
        AssertSingle("TJ0001", "Password", [.. GeneratorHarness.Analyze(source, new SensitiveClaimAnalyzer())]);
    }

    [Fact]
    public void Ignored_members_and_types_without_the_attribute_are_not_claims()
    {
        Assert.Empty(Analyze("[JwtIgnore] public string? Password { get; init; }"));
        Assert.Empty(GeneratorHarness.Analyze(AnalyzerTestKit.Usings + "public sealed record Login(string Password);", new SensitiveClaimAnalyzer()));
    }

    [Fact]
    public void Pragma_suppresses_TJ0001()
    {
        string source = AnalyzerTestKit.Usings + """
            [JwtPayload] public sealed partial record Token
            {
            #pragma warning disable TJ0001 // the demo token carries the password on purpose
                public string? Password { get; init; }
            #pragma warning restore TJ0001
            }
            """;
        // Suppressed diagnostics are not returned; the same source without the pragma has one.
        Assert.Empty(GeneratorHarness.Analyze(source, new SensitiveClaimAnalyzer()));
        Assert.Single(GeneratorHarness.Analyze(source.Replace("#pragma", "// "), new SensitiveClaimAnalyzer()));
    }

    [Fact]
    public Task Editorconfig_adds_words_to_each_rule() => AnalyzerTestKit.VerifyAsync<SensitiveClaimAnalyzer>(
        AnalyzerTestKit.Usings + """
            [JwtPayload] public sealed partial record Token
            {
                public string? {|TJ0001:BadgeCode|} { get; init; }
                public string? {|TJ0002:Email|} { get; init; }
                public string? Name { get; init; }
            }
            """,
        "TJ0001.additional_words = badge_code, vault token\nTJ0002.additional_words = email\n");

    [Fact]
    public Task Editorconfig_ignores_words_per_rule() => AnalyzerTestKit.VerifyAsync<SensitiveClaimAnalyzer>(
        AnalyzerTestKit.Usings + """
            [JwtPayload] public sealed partial record Token
            {
                public string? SecretSanta { get; init; }
                public string? {|TJ0001:ClientSecret|} { get; init; }
                public string? Phone { get; init; }
            }
            """,
        "TJ0001.ignored_words = SecretSanta\nTJ0002.ignored_words = phone\n");

    [Fact]
    public Task Editorconfig_severity_none_silences_each_rule() => AnalyzerTestKit.VerifyAsync<SensitiveClaimAnalyzer>(
        AnalyzerTestKit.Usings + """
            [JwtPayload] public sealed partial record Token
            {
                public string? Password { get; init; }
                public string? Ssn { get; init; }
            }
            """,
        "dotnet_diagnostic.TJ0001.severity = none\ndotnet_diagnostic.TJ0002.severity = none\n");

    private static void AssertSingle(string id, string identifier, Diagnostic[] diagnostics)
    {
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(identifier, Text(diagnostic));
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
