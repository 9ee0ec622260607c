using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// Reads the DataAnnotations attributes users already know into <see cref="ConstraintSpec"/>s. Attributes are recognised by
/// metadata name (no reference to DataAnnotations is needed); an attribute on a claim type it cannot apply to is ignored,
/// as DataAnnotations itself would.
/// </summary>
internal static class ConstraintParser
{
    public const string RequiredAttributeName = "System.ComponentModel.DataAnnotations.RequiredAttribute";
    private const string Prefix = "System.ComponentModel.DataAnnotations.";

    public static ImmutableEquatableArray<ConstraintSpec> Parse(IEnumerable<AttributeData> attributes, ClaimTypeClassifier.Classification claim)
    {
        var constraints = new List<ConstraintSpec>();
        bool isScalar = claim.Collection == CollectionKind.None;
        bool isString = isScalar && claim.Kind == ClaimKind.String;
        bool isNumber = isScalar && claim.Kind is ClaimKind.Int32 or ClaimKind.Int64 or ClaimKind.Double or ClaimKind.Decimal;
        bool hasLength = isString || !isScalar;

        foreach (AttributeData attribute in attributes)
        {
            string? name = attribute.AttributeClass is { } c ? ClaimTypeClassifier.MetadataName(c) : null;
            if (name is null || !name.StartsWith(Prefix, System.StringComparison.Ordinal))
            {
                continue;
            }

            ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
            ConstraintSpec? constraint = name.Substring(Prefix.Length) switch
            {
                "RequiredAttribute" => new ConstraintSpec { Kind = ConstraintKind.Required, AllowEmptyStrings = Named(attribute, "AllowEmptyStrings") is true },
                "RangeAttribute" when isNumber && args.Length == 2 && Bound(args[0], claim) is { } min && Bound(args[1], claim) is { } max => new ConstraintSpec
                {
                    Kind = ConstraintKind.Range,
                    First = min,
                    Second = max,
                    MinimumIsExclusive = Named(attribute, "MinimumIsExclusive") is true,
                    MaximumIsExclusive = Named(attribute, "MaximumIsExclusive") is true,
                },
                "StringLengthAttribute" when isString && args.Length == 1 && args[0].Value is int max => new ConstraintSpec
                {
                    Kind = ConstraintKind.StringLength,
                    First = (Named(attribute, "MinimumLength") as int? ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Second = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                "MinLengthAttribute" when hasLength && args.Length == 1 && args[0].Value is int length => new ConstraintSpec
                {
                    Kind = ConstraintKind.MinLength,
                    First = length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                "MaxLengthAttribute" when hasLength && args.Length == 1 && args[0].Value is int length => new ConstraintSpec
                {
                    Kind = ConstraintKind.MaxLength,
                    Second = length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                "AllowedValuesAttribute" when isScalar => Values(ConstraintKind.AllowedValues, args, claim),
                "DeniedValuesAttribute" when isScalar => Values(ConstraintKind.DeniedValues, args, claim),
                "RegularExpressionAttribute" when isString && args.Length == 1 && args[0].Value is string pattern => new ConstraintSpec
                {
                    Kind = ConstraintKind.RegularExpression,
                    First = Literals.Primitive(pattern)!,
                    Second = (Named(attribute, "MatchTimeoutInMilliseconds") as int? ?? 2000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                _ => null,
            };
            if (constraint is not null)
            {
                constraints.Add(constraint);
            }
        }

        return constraints.ToImmutableEquatableArray();
    }

    private static object? Named(AttributeData attribute, string name)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    // A bound the claim's type holds exactly is written in that type (13L, 0.5m). Otherwise it keeps its own type, and C#
    // compares in the wider one, as DataAnnotations compares in the bound's: a fractional bound on an integer claim compares
    // as a double. Only a double beyond decimal's range has neither form for a decimal claim; the cast keeps such an
    // attribute a compile error in the generated code rather than a constraint silently dropped.
    private static string? Bound(TypedConstant constant, ClaimTypeClassifier.Classification claim)
    {
        if (constant.Value is not (int or double) || Literals.Primitive(constant.Value) is not { } literal)
        {
            return null;
        }

        return Literals.Numeric(constant.Value, claim.Kind)
            ?? (claim.Kind == ClaimKind.Decimal ? $"(decimal){literal}" : literal);
    }

    private static ConstraintSpec? Values(ConstraintKind kind, ImmutableArray<TypedConstant> args, ClaimTypeClassifier.Classification claim)
    {
        if (args.Length != 1 || args[0].Kind != TypedConstantKind.Array)
        {
            return null;
        }

        // A value of another type can never equal the claim; leaving it out keeps the generated comparison compilable.
        var values = new List<LiteralSpec>();
        foreach (TypedConstant value in args[0].Values)
        {
            if (Compatible(value, claim) is { } literal)
            {
                values.Add(new LiteralSpec(literal));
            }
        }

        return new ConstraintSpec { Kind = kind, Values = values.ToImmutableEquatableArray() };
    }

    private static string? Compatible(TypedConstant value, ClaimTypeClassifier.Classification claim)
    {
        if (value.IsNull)
        {
            return claim.IsNullable ? "null" : null;
        }

        switch (claim.Kind)
        {
            case ClaimKind.String:
                return value.Value is string s ? Literals.Primitive(s) : null;
            case ClaimKind.Boolean:
                return value.Value is bool b ? Literals.Primitive(b) : null;
            case ClaimKind.Int32 or ClaimKind.Int64 or ClaimKind.Double or ClaimKind.Decimal:
                // A number the claim's type cannot hold exactly can never equal the claim.
                return value.Kind == TypedConstantKind.Primitive ? Literals.Numeric(value.Value!, claim.Kind) : null;
            case ClaimKind.Enum:
                return value.Kind == TypedConstantKind.Enum && SymbolEqualityComparer.Default.Equals(value.Type, claim.ValueType)
                    ? Literals.Format(value.Value, claim.ValueType)
                    : null;
            default:
                return null;
        }
    }
}
