namespace TypedJwt.Generators.Diagnostics;

/// <summary>
/// Every diagnostic ID TypedJwt reports, in one place. An ID is never reused; a retired rule keeps its number.
/// </summary>
internal static class RuleIdentifiers
{
    public const string SecretClaimNotEncrypted = "TJ0001";
    public const string PersonalDataClaimNotEncrypted = "TJ0002";
    public const string TypeMustBePartial = "TJ0003";
    public const string UnsupportedClaimType = "TJ0004";
    public const string DuplicateClaimName = "TJ0005";
    public const string RegisteredClaimWrongType = "TJ0006";
    public const string ReservedHeaderParameter = "TJ0007";
    public const string InvalidClaimName = "TJ0008";
    public const string UnsupportedTypeShape = "TJ0009";
    public const string NotSensitiveWithoutJustification = "TJ0010";
    public const string HardCodedKey = "TJ0011";
    public const string HmacKeyTooShort = "TJ0012";
    public const string ExpirationNotRequired = "TJ0013";
    public const string IssuerNotValidated = "TJ0014";
    public const string AudienceNotValidated = "TJ0015";
    public const string LeewayTooLarge = "TJ0016";
    public const string InvalidNamingPolicyOption = "TJ0017";
    public const string UnauthenticatedSendersAccepted = "TJ0018";
    public const string SensitiveValueInReadableClaim = "TJ0019";
    public const string RevocableWithoutTokenId = "TJ0020";
}
