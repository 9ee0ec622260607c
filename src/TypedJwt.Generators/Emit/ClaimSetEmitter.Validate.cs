using System.Linq;
using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Emit;

/// <summary>
/// Emits <c>ValidateConstraints</c>: the DataAnnotations attributes as plain comparisons, in declaration order, returning
/// the first violated claim. Like DataAnnotations, every constraint but <c>[Required]</c> holds for an absent (null) value.
/// </summary>
internal static partial class ClaimSetEmitter
{
    private static void WriteValidateConstraints(SourceWriter writer, ClaimSetSpec spec)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public {Jwt}JwtError ValidateConstraints()");
        foreach (ClaimSpec claim in spec.Claims)
        {
            string member = "this." + claim.MemberName;
            foreach (ConstraintSpec constraint in claim.Constraints)
            {
                if (Violation(claim, constraint, member) is { } condition)
                {
                    writer.OpenBlock($"if ({condition})");
                    writer.WriteLine($"return {ErrorCreate("ConstraintViolated", Literal(claim.ClaimName))};");
                    writer.CloseBlock();
                    writer.WriteLine();
                }
            }

            if (claim.Kind == ClaimKind.ClaimSet)
            {
                // A nested object's own constraints are part of this claim set's.
                string nested = NestedLocal(claim);
                string error = NestedErrorLocal(claim);
                writer.OpenBlock(IsReference(claim) || claim.IsNullable
                    ? $"if ({member} is {{ }} {nested} && {nested}.ValidateConstraints() is {{ IsNone: false }} {error})"
                    : $"if ({member}.ValidateConstraints() is {{ IsNone: false }} {error})");
                writer.WriteLine($"return {error};");
                writer.CloseBlock();
                writer.WriteLine();
            }
        }

        writer.WriteLine("return default;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    // A claim has at most one constraint of each kind (the DataAnnotations attributes do not allow multiples), so the local a
    // check binds is named after the claim and the kind.
    private static string? Violation(ClaimSpec claim, ConstraintSpec constraint, string member)
    {
        string x = ConstraintLocal(constraint.Kind, claim);
        switch (constraint.Kind)
        {
            case ConstraintKind.Required:
                if (claim.Collection == CollectionKind.ImmutableArray)
                {
                    return $"{member}.IsDefault";
                }

                if (claim.Kind == ClaimKind.String && claim.Collection == CollectionKind.None)
                {
                    // DataAnnotations' [Required] rejects empty and white-space strings unless AllowEmptyStrings is set.
                    return constraint.AllowEmptyStrings ? $"{member} is null" : $"string.IsNullOrWhiteSpace({member})";
                }

                return IsReference(claim) || claim.IsNullable ? $"{member} is null" : null;
            case ConstraintKind.Range:
                return Guarded(claim, member, x, $"{x} {(constraint.MinimumIsExclusive ? "<=" : "<")} {constraint.First} || {x} {(constraint.MaximumIsExclusive ? ">=" : ">")} {constraint.Second}");
            case ConstraintKind.StringLength:
                return Guarded(claim, member, x, $"{x}.Length < {constraint.First} || {x}.Length > {constraint.Second}");
            case ConstraintKind.MinLength:
                return Guarded(claim, member, x, $"{x}.{Count(claim)} < {constraint.First}");
            case ConstraintKind.MaxLength:
                return Guarded(claim, member, x, $"{x}.{Count(claim)} > {constraint.Second}");
            case ConstraintKind.AllowedValues:
                string allowed = constraint.Values.Count == 0 ? "true" : $"!({string.Join(" || ", constraint.Values.Select(v => $"{member} == {v.Text}"))})";
                return IsReference(claim) || claim.IsNullable ? $"{member} is not null && {allowed}" : allowed;
            case ConstraintKind.DeniedValues:
                return constraint.Values.Count == 0 ? null : string.Join(" || ", constraint.Values.Select(v => $"{member} == {v.Text}"));
            case ConstraintKind.RegularExpression:
                return $"{member} is {{ }} {x} && !{Jwt}JwtClaimConstraints.IsFullMatch({PatternField(claim)}, {x})";
            default:
                return null;
        }
    }

    // Binds the value to a local when it may be absent (null, or a default ImmutableArray): absent values satisfy the constraint.
    private static string Guarded(ClaimSpec claim, string member, string local, string condition)
    {
        if (claim.Collection == CollectionKind.ImmutableArray)
        {
            return $"!{member}.IsDefault && {member} is var {local} && ({condition})";
        }

        return IsReference(claim) || claim.IsNullable
            ? $"{member} is {{ }} {local} && ({condition})"
            : $"{member} is var {local} && ({condition})";
    }

    private static string Count(ClaimSpec claim) => claim.Collection == CollectionKind.ReadOnlyList ? "Count" : "Length";

    private static bool IsReference(ClaimSpec claim)
        => claim.Collection is CollectionKind.Array or CollectionKind.ReadOnlyList
            || (claim.Collection == CollectionKind.None && !claim.IsValueType);
}
