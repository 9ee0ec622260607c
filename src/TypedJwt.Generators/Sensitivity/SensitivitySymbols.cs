using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Parsing;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// The attribute types the sensitive-claim rules look for, resolved once per compilation. The data-classification and
/// ASP.NET Core Identity attributes are found by metadata name, so TypedJwt takes no dependency on their packages; they are
/// null when the compilation does not reference them.
/// </summary>
internal sealed class SensitivitySymbols
{
    private const string DataClassificationAttributeName = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
    private const string PersonalDataAttributeName = "Microsoft.AspNetCore.Identity.PersonalDataAttribute";

    private SensitivitySymbols(INamedTypeSymbol? payload, INamedTypeSymbol? header, INamedTypeSymbol? sensitive, INamedTypeSymbol? notSensitive, INamedTypeSymbol? dataClassification, INamedTypeSymbol? personalData)
    {
        Payload = payload;
        Header = header;
        Sensitive = sensitive;
        NotSensitive = notSensitive;
        DataClassification = dataClassification;
        PersonalData = personalData;
    }

    public INamedTypeSymbol? Payload { get; }

    public INamedTypeSymbol? Header { get; }

    public INamedTypeSymbol? Sensitive { get; }

    public INamedTypeSymbol? NotSensitive { get; }

    public INamedTypeSymbol? DataClassification { get; }

    public INamedTypeSymbol? PersonalData { get; }

    /// <summary>Null when TypedJwt is not referenced: then nothing is registered.</summary>
    public static SensitivitySymbols? Resolve(Compilation compilation)
    {
        INamedTypeSymbol? payload = compilation.GetTypeByMetadataName(ClaimSetParser.PayloadAttributeName);
        INamedTypeSymbol? header = compilation.GetTypeByMetadataName(ClaimSetParser.HeaderAttributeName);
        if (payload is null && header is null)
        {
            return null;
        }

        return new SensitivitySymbols(
            payload,
            header,
            compilation.GetTypeByMetadataName("TypedJwt.SensitiveAttribute"),
            compilation.GetTypeByMetadataName("TypedJwt.NotSensitiveAttribute"),
            compilation.GetTypeByMetadataName(DataClassificationAttributeName),
            compilation.GetTypeByMetadataName(PersonalDataAttributeName));
    }

    /// <summary>The <c>[JwtPayload]</c> or <c>[JwtHeader]</c> attribute on <paramref name="type"/>, or null.</summary>
    public AttributeData? ClaimSetAttribute(ITypeSymbol type, out bool isHeader)
    {
        isHeader = false;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (Is(attribute.AttributeClass, Payload))
            {
                return attribute;
            }

            if (Is(attribute.AttributeClass, Header))
            {
                isHeader = true;
                return attribute;
            }
        }

        return null;
    }

    public static bool Is(INamedTypeSymbol? candidate, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(candidate, expected);

    public static bool DerivesFrom(INamedTypeSymbol? candidate, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (INamedTypeSymbol? type = candidate; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
