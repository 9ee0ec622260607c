using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Flow;

/// <summary>
/// The claim kind a value of any .NET type would be, for <see cref="Sensitivity.ValueShapes"/>: a source is judged by what
/// its own type can hold, as a claim is (<c>PasswordExpired</c> is a bool, <c>HasPin</c> too). Collections are judged by
/// their elements, raw bytes and characters as text; any other object can hold anything (it may carry the value inside).
/// </summary>
internal static class FlowShape
{
    public static ClaimKind Of(ITypeSymbol? type)
    {
        if (type is null)
        {
            return ClaimKind.ClaimSet;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType is SpecialType.System_Byte or SpecialType.System_Char ? ClaimKind.String : Of(array.ElementType);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Char:
                return ClaimKind.String;
            case SpecialType.System_Boolean:
                return ClaimKind.Boolean;
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return ClaimKind.Int64;
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return ClaimKind.Double;
            case SpecialType.System_Decimal:
                return ClaimKind.Decimal;
            case SpecialType.System_DateTime:
                return ClaimKind.NumericDate;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ClaimKind.Enum;
        }

        switch (type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString())
        {
            case "System.Guid":
                return ClaimKind.Guid;
            case "System.DateTimeOffset":
            case "System.TimeSpan":
            case "System.TimeOnly":
                return ClaimKind.NumericDate;
            case "System.DateOnly":
                return ClaimKind.DateOnly;
            case "System.Uri":
                return ClaimKind.Uri;
        }

        // Sequences (string[], List<string>, IEnumerable<byte>, ReadOnlySpan<char>): what one element is.
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && type.SpecialType != SpecialType.System_String)
        {
            ITypeSymbol element = generic.TypeArguments[0];
            if (element.SpecialType is SpecialType.System_Byte or SpecialType.System_Char)
            {
                return ClaimKind.String;
            }

            if (IsSequence(generic))
            {
                return Of(element);
            }
        }

        return ClaimKind.ClaimSet;
    }

    private static bool IsSequence(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }
        }

        return type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
    }
}
