namespace TypedJwt.Generators.Model;

/// <summary>
/// One claim as the parser reads it, before its JSON name is known: the name depends on the project's default naming
/// policy, which the syntax step of the pipeline cannot see. <see cref="ToSpec"/> adds the name once it is resolved.
/// </summary>
internal sealed record ClaimDraft
{
    /// <summary>The member's name as declared (not <c>@</c>-escaped): what naming policies and messages use.</summary>
    public required string DeclaredName { get; init; }

    /// <summary>The name given by <c>[JwtClaim("...")]</c> (possibly empty, TJ0008), or null when the policy decides.</summary>
    public required string? ExplicitName { get; init; }

    /// <summary>The member's C# identifier, <c>@</c>-escaped when it is a keyword.</summary>
    public required string MemberName { get; init; }

    public required ClaimKind Kind { get; init; }

    public required CollectionKind Collection { get; init; }

    public required string TypeName { get; init; }

    public required string ValueTypeName { get; init; }

    public required bool IsValueType { get; init; }

    public required bool IsNullable { get; init; }

    public required bool IsNullableValueType { get; init; }

    public required bool IsRequired { get; init; }

    public required bool IsConstructorParameter { get; init; }

    public required string EnumKey { get; init; }

    public required ImmutableEquatableArray<ConstraintSpec> Constraints { get; init; }

    /// <summary>The emitter's claim: this draft with its resolved JSON name (the properties mean what they mean on <see cref="ClaimSpec"/>).</summary>
    public ClaimSpec ToSpec(string claimName) => new()
    {
        MemberName = MemberName,
        ClaimName = claimName,
        Kind = Kind,
        Collection = Collection,
        TypeName = TypeName,
        ValueTypeName = ValueTypeName,
        IsValueType = IsValueType,
        IsNullable = IsNullable,
        IsNullableValueType = IsNullableValueType,
        IsRequired = IsRequired,
        IsConstructorParameter = IsConstructorParameter,
        EnumKey = EnumKey,
        Constraints = Constraints,
    };
}
