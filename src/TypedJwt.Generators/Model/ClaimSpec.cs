namespace TypedJwt.Generators.Model;

/// <summary>One claim: the member it binds, its JSON name, how it is read and written, and its constraints.</summary>
internal sealed record ClaimSpec
{
    /// <summary>The member's C# identifier, <c>@</c>-escaped when it is a keyword.</summary>
    public required string MemberName { get; init; }

    /// <summary>The JSON member name, unescaped.</summary>
    public required string ClaimName { get; init; }

    public required ClaimKind Kind { get; init; }

    public required CollectionKind Collection { get; init; }

    /// <summary>The member's type with <c>global::</c> and nullable annotations as declared.</summary>
    public required string TypeName { get; init; }

    /// <summary>The single value's type (the element type for collections, the underlying type for <c>Nullable&lt;T&gt;</c>).</summary>
    public required string ValueTypeName { get; init; }

    /// <summary>The single value's type is a value type.</summary>
    public required bool IsValueType { get; init; }

    /// <summary>A JSON <c>null</c> is accepted and a null value is omitted on write.</summary>
    public required bool IsNullable { get; init; }

    /// <summary>The member's type is <c>Nullable&lt;T&gt;</c>.</summary>
    public required bool IsNullableValueType { get; init; }

    /// <summary>Absent from the JSON is <c>MissingClaim</c>.</summary>
    public required bool IsRequired { get; init; }

    /// <summary>Assigned through the primary constructor rather than in the reading constructor's body.</summary>
    public required bool IsConstructorParameter { get; init; }

    /// <summary>For <see cref="ClaimKind.Enum"/>: the key of its <see cref="EnumSpec"/>; otherwise empty.</summary>
    public required string EnumKey { get; init; }

    public required ImmutableEquatableArray<ConstraintSpec> Constraints { get; init; }
}

/// <summary>An enum type read and written by member name.</summary>
internal sealed record EnumSpec(string Key, string TypeName, ImmutableEquatableArray<EnumMemberSpec> Members);

/// <summary>An enum member; aliases (members sharing a value) are dropped so that each value has one name.</summary>
internal sealed record EnumMemberSpec(string Name, string Identifier);
