using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules.SensitiveClaims;

/// <summary>
/// The claims TJ0001 and TJ0002 are tested on: secrets, personal data, and names that look like either and are neither; and
/// one way to analyze a payload with a given body.
/// </summary>
internal static class SensitiveClaimSources
{
    public static Diagnostic[] Analyze(string body, string attribute = "[JwtPayload]")
        => [.. Harness.Analyze([Harness.Usings + MarkerStubs + attribute + " public sealed partial record Token { " + body + " }", StubNamespaces], new SensitiveClaimAnalyzer())];

    // The attributes of Microsoft.Extensions.Compliance and ASP.NET Core Identity, declared here under their real metadata
    // names: the analyzer recognises them by name, not by a package reference.
    public const string MarkerStubs = """
        public enum Level { Low, High }
        public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute { }

        """ + "\n";

    public const string StubNamespaces = """
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
}
