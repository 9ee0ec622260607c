using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Diagnostics;

/// <summary>The descriptors of the rules the claim-set analyzer reports; the generator skips any type that has one of them.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "TypedJwt.Usage";
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
}
