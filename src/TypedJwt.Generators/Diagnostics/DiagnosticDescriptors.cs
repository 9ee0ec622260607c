using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Diagnostics;

/// <summary>
/// Every descriptor TypedJwt reports. The usage rules (TJ0003-TJ0009) are errors that make the generator skip the type, and
/// TJ0017 an invalid project-wide option; the security rules report code that compiles and runs but leaks or weakens something.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "TypedJwt.Usage";
    private const string SecurityCategory = "TypedJwt.Security";
    private const string HelpLinkBase = "https://github.com/typedjwt/typedjwt/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor TypeMustBePartial = new(
        RuleIdentifiers.TypeMustBePartial,
        "Claim set type must be partial",
        "'{0}' must be declared partial (with every type it is nested in) so that its serializer can be generated",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.TypeMustBePartial + ".md");

    public static readonly DiagnosticDescriptor UnsupportedClaimType = new(
        RuleIdentifiers.UnsupportedClaimType,
        "Claim type is not supported",
        "Member '{0}' has type '{1}', which TypedJwt cannot read or write as a claim; use a supported type or mark it [JwtIgnore]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.UnsupportedClaimType + ".md");

    public static readonly DiagnosticDescriptor DuplicateClaimName = new(
        RuleIdentifiers.DuplicateClaimName,
        "Two members map to the same claim name",
        "Member '{0}' maps to claim '{1}', which member '{2}' already uses",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.DuplicateClaimName + ".md");

    public static readonly DiagnosticDescriptor RegisteredClaimWrongType = new(
        RuleIdentifiers.RegisteredClaimWrongType,
        "Registered claim has the wrong type",
        "Claim '{0}' is registered (RFC 7519, RFC 8693) and must be of type {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.RegisteredClaimWrongType + ".md");

    public static readonly DiagnosticDescriptor ReservedHeaderParameter = new(
        RuleIdentifiers.ReservedHeaderParameter,
        "Header parameter is reserved",
        "Header parameter '{0}' is handled by the TypedJwt runtime and cannot be declared on a [JwtHeader] type",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.ReservedHeaderParameter + ".md");

    public static readonly DiagnosticDescriptor InvalidClaimName = new(
        RuleIdentifiers.InvalidClaimName,
        "Claim name is empty",
        "Member '{0}' has an empty claim name",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.InvalidClaimName + ".md");

    public static readonly DiagnosticDescriptor UnsupportedTypeShape = new(
        RuleIdentifiers.UnsupportedTypeShape,
        "Claim set type shape is not supported",
        "'{0}' cannot be a claim set: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.UnsupportedTypeShape + ".md");

    public static readonly DiagnosticDescriptor RevocableWithoutTokenId = new(
        RuleIdentifiers.RevocableWithoutTokenId,
        "Revocable payload has no required jti claim",
        "Payload type '{0}' is Revocable, but {1}; a token is revoked by its issuer and 'jti', so declare [JwtClaim(\"jti\")] public required string TokenId {{ get; init; }} (or a Guid)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A revocation or one-time-use check finds a token by its iss and jti (RFC 7519 §4.1.7). A token without jti could only be refused as a whole, so a Revocable payload type must require it and its reader refuses tokens that lack it.",
        helpLinkUri: HelpLinkBase + RuleIdentifiers.RevocableWithoutTokenId + ".md");

    public static readonly DiagnosticDescriptor SecretClaimNotEncrypted = new(
        RuleIdentifiers.SecretClaimNotEncrypted,
        "Secret or credential in a readable token",
        "Claim '{0}' {1}, and {2}: anyone who holds the token can read it",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A JWS payload is only base64url-encoded. Passwords, keys, PINs, card numbers and other credentials belong in an Encrypted payload or nowhere in the token.",
        helpLinkUri: HelpLinkBase + RuleIdentifiers.SecretClaimNotEncrypted + ".md");

    public static readonly DiagnosticDescriptor SensitiveValueInReadableClaim = new(
        RuleIdentifiers.SensitiveValueInReadableClaim,
        "Sensitive value flows into a readable claim",
        "{0}: {1}, and payload '{2}' is not Encrypted, so anyone who holds the token can read it",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A claim named innocently can still carry a secret or personal data: the value is followed, inside the method, from where it comes from to the claim it is written to.",
        helpLinkUri: HelpLinkBase + RuleIdentifiers.SensitiveValueInReadableClaim + ".md");

    public static readonly DiagnosticDescriptor PersonalDataClaimNotEncrypted = new(
        RuleIdentifiers.PersonalDataClaimNotEncrypted,
        "Personal data in a readable token",
        "Claim '{0}' {1}, and {2}: anyone who holds the token can read it",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A JWS payload is only base64url-encoded. National identifiers, dates of birth, addresses, health data and other personal data belong in an Encrypted payload, or should be looked up by the subject instead.",
        helpLinkUri: HelpLinkBase + RuleIdentifiers.PersonalDataClaimNotEncrypted + ".md");

    public static readonly DiagnosticDescriptor NotSensitiveWithoutJustification = new(
        RuleIdentifiers.NotSensitiveWithoutJustification,
        "[NotSensitive] needs a justification",
        "[NotSensitive] on '{0}' has no justification (empty, or still the question the code fix inserted); say why this claim may be readable by anyone who holds the token",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.NotSensitiveWithoutJustification + ".md");

    public static readonly DiagnosticDescriptor HardCodedKey = new(
        RuleIdentifiers.HardCodedKey,
        "Signing key is hard-coded",
        "The key passed to '{0}' is hard-coded in the source; load it from a secret store or configuration",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.HardCodedKey + ".md");

    public static readonly DiagnosticDescriptor HmacKeyTooShort = new(
        RuleIdentifiers.HmacKeyTooShort,
        "HMAC key is shorter than the hash",
        "The {0} key is {1} bytes long; {0} needs at least {2} (RFC 7518 §3.2), and CreateHmac will throw",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.HmacKeyTooShort + ".md");

    public static readonly DiagnosticDescriptor ExpirationNotRequired = new(
        RuleIdentifiers.ExpirationNotRequired,
        "Validation accepts tokens that never expire",
        "RequireExpirationTime = false accepts a token without 'exp', which stays valid forever once issued",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.ExpirationNotRequired + ".md");

    public static readonly DiagnosticDescriptor IssuerNotValidated = new(
        RuleIdentifiers.IssuerNotValidated,
        "Validation accepts any issuer",
        "SkipIssuerValidation = true accepts a token from any issuer the key set trusts; use it only when each key belongs to one issuer",
        SecurityCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.IssuerNotValidated + ".md");

    public static readonly DiagnosticDescriptor AudienceNotValidated = new(
        RuleIdentifiers.AudienceNotValidated,
        "Validation accepts any audience",
        "SkipAudienceValidation = true accepts a token issued for another service (RFC 8725 §3.9)",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.AudienceNotValidated + ".md");

    public static readonly DiagnosticDescriptor LeewayTooLarge = new(
        RuleIdentifiers.LeewayTooLarge,
        "Validation leeway is above 5 minutes",
        "A leeway of {0} keeps an expired token valid that much longer; clock skew needs seconds, not minutes",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + RuleIdentifiers.LeewayTooLarge + ".md");

    // Reported once per compilation from a compilation action, hence CompilationEnd (RS1037): such diagnostics show in the
    // build and in full-solution analysis, not while typing.
    public static readonly DiagnosticDescriptor InvalidNamingPolicyOption = new(
        RuleIdentifiers.InvalidNamingPolicyOption,
        "Invalid TypedJwtNamingPolicy value",
        "The MSBuild property TypedJwtNamingPolicy is '{0}', which is not a naming policy; use one of {1}, or leave it empty for SnakeCaseLower",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Until the value is fixed, types without an explicit NamingPolicy are named with the default, SnakeCaseLower.",
        helpLinkUri: HelpLinkBase + RuleIdentifiers.InvalidNamingPolicyOption + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnauthenticatedSendersAccepted = new(
        RuleIdentifiers.UnauthenticatedSendersAccepted,
        "Validation accepts encrypted tokens from any sender",
        "DangerousAcceptUnauthenticatedSenders = true accepts tokens encrypted to a public key, which anyone who has that key can make with any claims; sign then encrypt (JweWriter.WriteNested) and validate with NestedJwtValidator<T>, and suppress this with a justification only when the payload carries its own proof of origin",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Public-key encryption (RSA-OAEP, ECDH-ES) authenticates no sender: the recipient's public key is public, so a JweValidator that accepts such tokens accepts claims from anyone (RFC 7519 §11.2). A nested token is signed before it is encrypted, and the signature proves who sent it.",
        helpLinkUri: HelpLinkBase + RuleIdentifiers.UnauthenticatedSendersAccepted + ".md");
}
