using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Symbols;

/// <summary>Comparisons against a <see cref="KnownTypeSymbols"/> member, which is null when the compilation lacks the type.</summary>
internal static class TypeSymbolExtensions
{
    /// <summary>True when <paramref name="candidate"/> is <paramref name="expected"/>; never when the expected type is absent.</summary>
    public static bool Is(this INamedTypeSymbol? candidate, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(candidate, expected);

    /// <summary>True when <paramref name="candidate"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(this INamedTypeSymbol? candidate, INamedTypeSymbol? baseType)
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
