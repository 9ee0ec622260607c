namespace TypedJwt.Generators.Diagnostics;

/// <summary>
/// Every diagnostic ID TypedJwt reports, in one place. TJ0001 and TJ0002 belong to the sensitive-claims analyzer.
/// An ID is never reused; a retired rule keeps its number.
/// </summary>
internal static class RuleIdentifiers
{
    public const string TypeMustBePartial = "TJ0003";
    public const string UnsupportedClaimType = "TJ0004";
    public const string DuplicateClaimName = "TJ0005";
    public const string RegisteredClaimWrongType = "TJ0006";
    public const string ReservedHeaderParameter = "TJ0007";
    public const string InvalidClaimName = "TJ0008";
    public const string UnsupportedTypeShape = "TJ0009";
}
