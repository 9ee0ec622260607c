using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedJwt.Generators.Parsing;

/// <summary>Renders attribute and default-parameter constants as C# literals, invariantly, for the emitter to paste.</summary>
internal static class Literals
{
    public static string? Format(object? value, ITypeSymbol type)
    {
        if (value is null)
        {
            return type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? "default" : "null";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return $"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({Number(value)})";
        }

        return Primitive(value);
    }

    /// <summary>A typed literal for a primitive constant (string, bool or number), or null when it has no C# literal form.</summary>
    public static string? Primitive(object value) => value switch
    {
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        bool b => b ? "true" : "false",
        double d => Double(d),
        float f => Double(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
        int or short or sbyte or byte or ushort or uint or char => Number(value),
        _ => null,
    };

    private static string Number(object value) => value is char c
        ? ((int)c).ToString(CultureInfo.InvariantCulture)
        : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static string Double(double d)
    {
        if (double.IsNaN(d))
        {
            return "global::System.Double.NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "global::System.Double.PositiveInfinity" : "global::System.Double.NegativeInfinity";
        }

        return d.ToString("R", CultureInfo.InvariantCulture) + "d";
    }
}
