using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Symbols;

/// <summary>
/// The types the analyzers and code fixes look for: by metadata name, and per compilation as symbols, resolved once and
/// shared by every analyzer that runs on that compilation (System.Text.Json's <c>KnownTypeSymbols</c> arrangement). The
/// attribute names come from the attribute types themselves, which this assembly compiles from the runtime's sources. Types
/// of other packages (Microsoft.IdentityModel, Microsoft.Extensions.Compliance, ASP.NET Core Identity) are found by name, so
/// TypedJwt takes no dependency on them. Every symbol is null when the compilation does not have the type.
/// </summary>
internal sealed class KnownTypeSymbols
{
    /// <summary>The runtime's namespace, as the attribute types declare it.</summary>
    public static readonly string Namespace = typeof(JwtPayloadAttribute).Namespace!;

    public static readonly string PayloadAttributeName = typeof(JwtPayloadAttribute).FullName!;
    public static readonly string HeaderAttributeName = typeof(JwtHeaderAttribute).FullName!;
    public static readonly string ClaimAttributeName = typeof(JwtClaimAttribute).FullName!;
    public static readonly string IgnoreAttributeName = typeof(JwtIgnoreAttribute).FullName!;
    public static readonly string SensitiveAttributeName = typeof(SensitiveAttribute).FullName!;
    public static readonly string NotSensitiveAttributeName = typeof(NotSensitiveAttribute).FullName!;

    // Runtime types the generator does not compile: named in the runtime's namespace.
    public static readonly string ClaimSetInterfaceName = Namespace + ".IJwtClaimSet`1";
    public static readonly string AudienceName = Namespace + ".JwtAudience";
    public static readonly string ScopeName = Namespace + ".JwtScope";
    public static readonly string ConfirmationName = Namespace + ".JwtConfirmation";
    public static readonly string SigningKeyName = Namespace + ".JwtSigningKey";
    public static readonly string KeySetName = Namespace + ".JwtKeySet";
    public static readonly string ValidationPolicyName = Namespace + ".JwtValidationPolicy";
    public static readonly string JwsWriterName = Namespace + ".JwsWriter";
    public static readonly string JweWriterName = Namespace + ".JweWriter";
    public static readonly string JwtValidatorName = Namespace + ".JwtValidator`1";
    public static readonly string JweValidatorName = Namespace + ".JweValidator`1";
    public static readonly string NestedJwtValidatorName = Namespace + ".NestedJwtValidator`1";

    public const string SymmetricSecurityKeyName = "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey";
    public const string DataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
    public const string PersonalDataAttributeName = "Microsoft.AspNetCore.Identity.PersonalDataAttribute";

    // Compilations are immutable and many analyzers run on each: the first to ask resolves, the others share the answer. The
    // table holds a compilation weakly, so an edited (new) compilation gets its own entry and the old one goes with it.
    private static readonly ConditionalWeakTable<Compilation, KnownTypeSymbols> Cache = new();

    private KnownTypeSymbols(Compilation compilation)
    {
        PayloadAttribute = compilation.GetTypeByMetadataName(PayloadAttributeName);
        HeaderAttribute = compilation.GetTypeByMetadataName(HeaderAttributeName);
        SensitiveAttribute = compilation.GetTypeByMetadataName(SensitiveAttributeName);
        NotSensitiveAttribute = compilation.GetTypeByMetadataName(NotSensitiveAttributeName);
        SigningKey = compilation.GetTypeByMetadataName(SigningKeyName);
        KeySet = compilation.GetTypeByMetadataName(KeySetName);
        ValidationPolicy = compilation.GetTypeByMetadataName(ValidationPolicyName);
        JwsWriter = compilation.GetTypeByMetadataName(JwsWriterName);
        JweWriter = compilation.GetTypeByMetadataName(JweWriterName);
        JwtValidator = compilation.GetTypeByMetadataName(JwtValidatorName);
        JweValidator = compilation.GetTypeByMetadataName(JweValidatorName);
        NestedJwtValidator = compilation.GetTypeByMetadataName(NestedJwtValidatorName);
        SymmetricSecurityKey = compilation.GetTypeByMetadataName(SymmetricSecurityKeyName);
        DataClassificationAttribute = compilation.GetTypeByMetadataName(DataClassificationAttributeName);
        PersonalDataAttribute = compilation.GetTypeByMetadataName(PersonalDataAttributeName);
    }

    /// <summary>True when the compilation references TypedJwt; analyzers register nothing otherwise.</summary>
    public bool ReferencesTypedJwt => PayloadAttribute is not null || HeaderAttribute is not null;

    public INamedTypeSymbol? PayloadAttribute { get; }

    public INamedTypeSymbol? HeaderAttribute { get; }

    public INamedTypeSymbol? SensitiveAttribute { get; }

    public INamedTypeSymbol? NotSensitiveAttribute { get; }

    public INamedTypeSymbol? SigningKey { get; }

    public INamedTypeSymbol? KeySet { get; }

    public INamedTypeSymbol? ValidationPolicy { get; }

    public INamedTypeSymbol? JwsWriter { get; }

    public INamedTypeSymbol? JweWriter { get; }

    public INamedTypeSymbol? JwtValidator { get; }

    public INamedTypeSymbol? JweValidator { get; }

    public INamedTypeSymbol? NestedJwtValidator { get; }

    public INamedTypeSymbol? SymmetricSecurityKey { get; }

    public INamedTypeSymbol? DataClassificationAttribute { get; }

    public INamedTypeSymbol? PersonalDataAttribute { get; }

    public static KnownTypeSymbols Get(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownTypeSymbols(c));

    /// <summary>The <c>[JwtPayload]</c> or <c>[JwtHeader]</c> attribute on <paramref name="type"/>, or null.</summary>
    public AttributeData? ClaimSetAttribute(ITypeSymbol type, out bool isHeader)
    {
        isHeader = false;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.Is(PayloadAttribute))
            {
                return attribute;
            }

            if (attribute.AttributeClass.Is(HeaderAttribute))
            {
                isHeader = true;
                return attribute;
            }
        }

        return null;
    }
}
