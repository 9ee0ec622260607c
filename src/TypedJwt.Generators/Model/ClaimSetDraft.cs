namespace TypedJwt.Generators.Model;

/// <summary>
/// An annotated type that passed every check not depending on claim names, with its claims not yet named. Produced by the
/// syntax step of the pipeline; combined with the project's default naming policy it becomes a <see cref="ClaimSetSpec"/>
/// (<c>Parsing/ClaimNameResolver.cs</c>). Value-equal, no Roslyn symbols; the properties mean what they mean on the spec.
/// </summary>
internal sealed record ClaimSetDraft
{
    public required string? Namespace { get; init; }

    public required string Name { get; init; }

    public required string Keyword { get; init; }

    public required string FullyQualifiedName { get; init; }

    public required string HintName { get; init; }

    public required ImmutableEquatableArray<ContainingTypeSpec> ContainingTypes { get; init; }

    public required bool IsHeader { get; init; }

    public required string? TokenType { get; init; }

    /// <summary>The attribute's <c>NamingPolicy</c> when it sets one (any value, even the default), or null to use the project's.</summary>
    public required int? NamingPolicy { get; init; }

    public required bool HasRequiredMembers { get; init; }

    public required bool RedeclaresParameterlessConstructor { get; init; }

    /// <summary>Claim indexes refer to <see cref="Claims"/>, which keeps its order and length in the spec.</summary>
    public required ImmutableEquatableArray<ConstructorParameterSpec> ConstructorParameters { get; init; }

    public required ImmutableEquatableArray<ClaimDraft> Claims { get; init; }

    public required ImmutableEquatableArray<EnumSpec> Enums { get; init; }

    /// <summary>The emitter's model: this draft with its claims named.</summary>
    public ClaimSetSpec ToSpec(ImmutableEquatableArray<ClaimSpec> claims) => new()
    {
        Namespace = Namespace,
        Name = Name,
        Keyword = Keyword,
        FullyQualifiedName = FullyQualifiedName,
        HintName = HintName,
        ContainingTypes = ContainingTypes,
        IsHeader = IsHeader,
        TokenType = TokenType,
        HasRequiredMembers = HasRequiredMembers,
        RedeclaresParameterlessConstructor = RedeclaresParameterlessConstructor,
        ConstructorParameters = ConstructorParameters,
        Claims = claims,
        Enums = Enums,
    };
}
