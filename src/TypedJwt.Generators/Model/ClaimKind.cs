namespace TypedJwt.Generators.Model;

/// <summary>How one claim value is read and written; each kind maps to one runtime reader and writer.</summary>
internal enum ClaimKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,
    Guid,
    NumericDate,
    DateOnly,
    Uri,
    Enum,
    Audience,
    Scope,

    /// <summary>A JSON object whose type is itself a generated claim set.</summary>
    ClaimSet,
}

/// <summary>Whether a claim is one value or a JSON array of values, and which .NET collection holds the array.</summary>
internal enum CollectionKind
{
    None,
    Array,
    ReadOnlyList,
    ImmutableArray,
}
