using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedJwt.Generators.Model;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Parsing;

/// <summary>Decides how a member's type is read and written, by the type's metadata name (no compilation-wide lookups).</summary>
internal static class ClaimTypeClassifier
{
    public readonly struct Classification
    {
        public Classification(ClaimKind kind, CollectionKind collection, ITypeSymbol valueType, bool isNullable, bool isNullableValueType)
        {
            Kind = kind;
            Collection = collection;
            ValueType = valueType;
            IsNullable = isNullable;
            IsNullableValueType = isNullableValueType;
        }

        public ClaimKind Kind { get; }

        public CollectionKind Collection { get; }

        public ITypeSymbol ValueType { get; }

        public bool IsNullable { get; }

        public bool IsNullableValueType { get; }
    }

    public static bool TryClassify(ITypeSymbol type, out Classification classification)
    {
        classification = default;
        bool isNullableValueType = false;
        bool isNullable = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullableValueType = isNullable = true;
        }

        CollectionKind collection = CollectionKind.None;
        ITypeSymbol valueType = type;
        if (!isNullableValueType)
        {
            if (type is IArrayTypeSymbol { Rank: 1 } array)
            {
                collection = CollectionKind.Array;
                valueType = array.ElementType;
            }
            else if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                string definition = MetadataName(generic.OriginalDefinition);
                if (definition == "System.Collections.Generic.IReadOnlyList`1")
                {
                    collection = CollectionKind.ReadOnlyList;
                    valueType = generic.TypeArguments[0];
                }
                else if (definition == "System.Collections.Immutable.ImmutableArray`1")
                {
                    collection = CollectionKind.ImmutableArray;
                    valueType = generic.TypeArguments[0];
                }
            }
        }

        if (!TryClassifyValue(valueType, out ClaimKind kind))
        {
            return false;
        }

        // Arrays hold plain scalars; an array of audiences, scopes, objects or nullable elements has no JWT meaning here.
        if (collection != CollectionKind.None
            && (kind is ClaimKind.Audience or ClaimKind.Scope or ClaimKind.ClaimSet || valueType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
        {
            return false;
        }

        classification = new Classification(kind, collection, valueType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), isNullable, isNullableValueType);
        return true;
    }

    public static bool IsClaimSet(ITypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass is { } c ? MetadataName(c) : null;
            if (name == KnownTypeSymbols.PayloadAttributeName || name == KnownTypeSymbols.HeaderAttributeName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasClaimSetCode(INamedTypeSymbol type)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return type.AllInterfaces.Any(i => MetadataName(i.OriginalDefinition) == KnownTypeSymbols.ClaimSetInterfaceName);
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    public static string MetadataName(ITypeSymbol type)
    {
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return type.ContainingType is { } containing ? MetadataName(containing) + "+" + type.MetadataName : ns + type.MetadataName;
    }

    private static bool TryClassifyValue(ITypeSymbol type, out ClaimKind kind)
    {
        kind = type.SpecialType switch
        {
            SpecialType.System_String => ClaimKind.String,
            SpecialType.System_Boolean => ClaimKind.Boolean,
            SpecialType.System_Int32 => ClaimKind.Int32,
            SpecialType.System_Int64 => ClaimKind.Int64,
            SpecialType.System_Double => ClaimKind.Double,
            SpecialType.System_Decimal => ClaimKind.Decimal,
            _ => (ClaimKind)(-1),
        };
        if (kind >= 0)
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            kind = ClaimKind.Enum;
            return true;
        }

        string name = MetadataName(type);
        kind = name switch
        {
            "System.Guid" => ClaimKind.Guid,
            "System.DateTimeOffset" => ClaimKind.NumericDate,
            "System.DateOnly" => ClaimKind.DateOnly,
            "System.Uri" => ClaimKind.Uri,
            _ when name == KnownTypeSymbols.AudienceName => ClaimKind.Audience,
            _ when name == KnownTypeSymbols.ScopeName => ClaimKind.Scope,

            // The runtime's cnf claim (RFC 7800) implements IJwtClaimSet by hand: a nested claim set like any generated one.
            _ when name == KnownTypeSymbols.ConfirmationName => ClaimKind.ClaimSet,
            _ => (ClaimKind)(-1),
        };
        if (kind >= 0)
        {
            return true;
        }

        // A nested claim set is only usable when it gets (or already has) generated code; otherwise the outer type's code
        // would not compile, so the member is reported as unsupported instead.
        if (type is INamedTypeSymbol { IsGenericType: false } named && IsClaimSet(type) && HasClaimSetCode(named))
        {
            kind = ClaimKind.ClaimSet;
            return true;
        }

        return false;
    }
}
