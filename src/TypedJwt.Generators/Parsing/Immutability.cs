using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// Whether no instance of a payload type can change once the generated reader has built it: every property get-only or
/// init-only, every field readonly, on the type and its bases, and every value they hold of an immutable type (strings,
/// numbers, dates, <c>Guid</c>, <c>Uri</c>, enums, <c>JwtAudience</c>, <c>JwtScope</c>, <c>ImmutableArray&lt;T&gt;</c> of such, and
/// other types that pass the same test). An array or a list can be written through, so it makes the type mutable. A
/// validator's verified-token cache hands one instance of an immutable payload to every caller; any other is read afresh.
/// </summary>
internal static class Immutability
{
    private static readonly HashSet<string> ImmutableValueTypes =
    [
        "System.String", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32",
        "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Char",
        "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
        "System.Uri", "TypedJwt.JwtAudience", "TypedJwt.JwtScope",
        "TypedJwt.JwtConfirmation",
    ];

    public static bool IsImmutable(INamedTypeSymbol type) => IsImmutableType(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    private static bool IsImmutableType(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        if (type.TypeKind == TypeKind.Enum || ImmutableValueTypes.Contains(MetadataName(type)))
        {
            return true;
        }

        if (type is not INamedTypeSymbol named || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        string definition = MetadataName(named.OriginalDefinition);
        if (definition is "System.Nullable`1" or "System.Collections.Immutable.ImmutableArray`1")
        {
            return IsImmutableType(named.TypeArguments[0], visiting);
        }

        if (named.IsGenericType || named.SpecialType == SpecialType.System_Object || MetadataName(named).StartsWith("System.", System.StringComparison.Ordinal))
        {
            // Other generic and framework types are not known to be immutable.
            return false;
        }

        // A cycle (a type that holds itself) is as immutable as the rest of the type says.
        if (!visiting.Add(named))
        {
            return true;
        }

        for (INamedTypeSymbol? current = named; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member.IsStatic)
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol property when property.SetMethod is { IsInitOnly: false }:
                        return false;
                    case IPropertySymbol property when property.Name != "EqualityContract" && !IsImmutableType(property.Type, visiting):
                        return false;
                    case IFieldSymbol field when !field.IsConst && !field.IsReadOnly && field.AssociatedSymbol is null:
                        return false;
                    case IFieldSymbol field when field.AssociatedSymbol is null && !field.IsConst && !IsImmutableType(field.Type, visiting):
                        return false;
                }
            }
        }

        return true;
    }

    private static string MetadataName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
}
