using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// Renders attribute and default-parameter constants as C# literals, invariantly, for the emitter to paste: written as a
/// person would write them (<c>13L</c>, <c>0.5m</c>, <c>global::Sample.Plan.Free</c>), never as casts of other literals.
/// </summary>
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
            return EnumMember(value, type);
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
        decimal m => Decimal(m),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
        int or short or sbyte or byte or ushort or uint or char => Number(value),
        _ => null,
    };

    /// <summary>
    /// A numeric constant as a literal of the claim's type (<c>13L</c> for a long claim, <c>0.5m</c> for a decimal one) when
    /// it has exactly that value in the claim's type; otherwise null (a fractional number for an integer claim, a long beyond
    /// an int claim's range).
    /// </summary>
    public static string? Numeric(object value, ClaimKind kind)
    {
        if (value is string or bool or char)
        {
            return null;
        }

        if (value is double or float)
        {
            double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return kind switch
            {
                ClaimKind.Double => Double(d),
                ClaimKind.Decimal => ExactDecimal(d) is { } m ? Decimal(m) : null,
                _ => Math.Floor(d) == d && ExactDecimal(d) is { } whole ? Integer(whole, kind) : null,
            };
        }

        // Every integer constant (ulong included) and every decimal is exact as a decimal.
        decimal number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return kind switch
        {
            ClaimKind.Double => (decimal)(double)number == number ? Double((double)number) : null,
            ClaimKind.Decimal => Decimal(number),
            _ => decimal.Truncate(number) == number ? Integer(number, kind) : null,
        };
    }

    // The enum member with this value (the first declared, for aliases), or a cast when no member has it (a flags combination).
    private static string EnumMember(object value, ITypeSymbol type)
    {
        string typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        IFieldSymbol? member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
        return member is null
            ? $"({typeName})({Number(value)})"
            : $"{typeName}.{(SyntaxFacts.GetKeywordKind(member.Name) == SyntaxKind.None ? member.Name : "@" + member.Name)}";
    }

    private static string? Integer(decimal value, ClaimKind kind) => kind switch
    {
        ClaimKind.Int32 when value is >= int.MinValue and <= int.MaxValue => value.ToString("0", CultureInfo.InvariantCulture),
        ClaimKind.Int64 when value is >= long.MinValue and <= long.MaxValue => value.ToString("0", CultureInfo.InvariantCulture) + "L",
        _ => null,
    };

    private static decimal? ExactDecimal(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) >= (double)decimal.MaxValue)
        {
            return null;
        }

        decimal m = (decimal)d;
        return (double)m == d ? m : null;
    }

    private static string Number(object value) => value is char c
        ? ((int)c).ToString(CultureInfo.InvariantCulture)
        : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static string Decimal(decimal m) => m.ToString(CultureInfo.InvariantCulture) + "m";

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
