using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// What a member's attributes say about its sensitivity, which wins over its name. Precedence: <c>[Sensitive]</c>, then
/// <c>[NotSensitive]</c>, then a data-classification or <c>[PersonalData]</c> attribute (a TypedJwt-specific decision with a
/// justification overrides a classification made for other purposes, such as log redaction).
/// </summary>
internal readonly struct ExplicitMark
{
    private ExplicitMark(ExplicitMarkKind kind, string attributeName)
    {
        Kind = kind;
        AttributeName = attributeName;
    }

    public ExplicitMarkKind Kind { get; }

    /// <summary>The attribute's short name, for the message (<c>Sensitive</c>, <c>PersonalData</c>, <c>PrivateData</c>).</summary>
    public string AttributeName { get; }

    public static ExplicitMark Of(List<AttributeData> attributes, KnownTypeSymbols symbols)
    {
        ExplicitMark mark = default;
        foreach (AttributeData attribute in attributes)
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            if (type.Is(symbols.SensitiveAttribute))
            {
                return new ExplicitMark(ExplicitMarkKind.Sensitive, "Sensitive");
            }

            if (type.Is(symbols.NotSensitiveAttribute))
            {
                mark = new ExplicitMark(ExplicitMarkKind.NotSensitive, "NotSensitive");
            }
            else if (mark.Kind == ExplicitMarkKind.None
                && (type.DerivesFrom(symbols.DataClassificationAttribute) || type.DerivesFrom(symbols.PersonalDataAttribute)))
            {
                mark = new ExplicitMark(ExplicitMarkKind.Classified, ShortName(type!.Name));
            }
        }

        return mark;
    }

    private static string ShortName(string name)
        => name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
}

/// <summary>The kinds of <see cref="ExplicitMark"/>.</summary>
internal enum ExplicitMarkKind
{
    None,
    Sensitive,
    NotSensitive,
    Classified,
}
