namespace TypedJwt.Generators.Model;

/// <summary>Everything the emitter needs to write one annotated type's partial declaration; value-equal, no Roslyn symbols.</summary>
internal sealed record ClaimSetSpec
{
    /// <summary>The namespace, or null for the global namespace.</summary>
    public required string? Namespace { get; init; }

    /// <summary>The type's name as declared (no type parameters: generic types are not supported).</summary>
    public required string Name { get; init; }

    /// <summary><c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</summary>
    public required string Keyword { get; init; }

    /// <summary>The fully qualified name with <c>global::</c>.</summary>
    public required string FullyQualifiedName { get; init; }

    /// <summary>The generated file's hint name, <c>{Namespace.Type}.g.cs</c>.</summary>
    public required string HintName { get; init; }

    /// <summary>Outermost first.</summary>
    public required ImmutableEquatableArray<ContainingTypeSpec> ContainingTypes { get; init; }

    public required bool IsHeader { get; init; }

    /// <summary>The <c>typ</c> a payload type is issued with; always null for header types.</summary>
    public required string? TokenType { get; init; }

    /// <summary>
    /// True when no instance can change once read (<c>Parsing/Immutability.cs</c>): a payload's generated code then says so,
    /// and a verified-token cache shares one instance between callers.
    /// </summary>
    public required bool IsImmutable { get; init; }

    /// <summary>True when the payload type is declared <c>Revocable</c> (and so has a required <c>jti</c> claim).</summary>
    public required bool IsRevocable { get; init; }

    /// <summary>True when the type has C# <c>required</c> members, so the reading constructor must say it sets them.</summary>
    public required bool HasRequiredMembers { get; init; }

    /// <summary>
    /// True when the type relies on the compiler's implicit public parameterless constructor, which declaring the reading
    /// constructor would remove; the emitter then declares it explicitly.
    /// </summary>
    public required bool RedeclaresParameterlessConstructor { get; init; }

    /// <summary>For a positional record, its primary constructor's parameters in order; otherwise empty.</summary>
    public required ImmutableEquatableArray<ConstructorParameterSpec> ConstructorParameters { get; init; }

    /// <summary>In declaration order.</summary>
    public required ImmutableEquatableArray<ClaimSpec> Claims { get; init; }

    /// <summary>Distinct enum types used by claims, in first-use order, each emitted once as a name reader and writer.</summary>
    public required ImmutableEquatableArray<EnumSpec> Enums { get; init; }

    /// <summary>
    /// The <c>DiagnosticId</c>s of <c>[Obsolete]</c> attributes on what the generated code uses (claim members, their types,
    /// enum members), sorted: the generated file suppresses them as it suppresses CS0612 and CS0618.
    /// </summary>
    public required ImmutableEquatableArray<string> ObsoleteDiagnosticIds { get; init; }
}

/// <summary>A type the annotated type is nested in.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>A primary constructor parameter: the claim it is read from, or the default to pass when the claim is absent.</summary>
internal sealed record ConstructorParameterSpec(string Name, int ClaimIndex, string DefaultValue);
