namespace TypedJwt.Generators.Model;

/// <summary>Which DataAnnotations attribute a constraint comes from.</summary>
internal enum ConstraintKind
{
    Required,
    Range,
    StringLength,
    MinLength,
    MaxLength,
    AllowedValues,
    DeniedValues,
    RegularExpression,
}

/// <summary>
/// One DataAnnotations constraint with its arguments already rendered as C# literals, so the emitter only pastes them.
/// </summary>
internal sealed record ConstraintSpec
{
    public required ConstraintKind Kind { get; init; }

    /// <summary>Range minimum, StringLength MinimumLength, MinLength length, or the regex pattern literal.</summary>
    public string First { get; init; } = "";

    /// <summary>Range maximum, StringLength/MaxLength maximum, or the regex timeout in milliseconds.</summary>
    public string Second { get; init; } = "";

    public bool MinimumIsExclusive { get; init; }

    public bool MaximumIsExclusive { get; init; }

    /// <summary><c>[Required(AllowEmptyStrings = true)]</c>.</summary>
    public bool AllowEmptyStrings { get; init; }

    /// <summary>AllowedValues/DeniedValues literals.</summary>
    public ImmutableEquatableArray<LiteralSpec> Values { get; init; } = ImmutableEquatableArray<LiteralSpec>.Empty;
}

/// <summary>A C# literal expression.</summary>
internal sealed record LiteralSpec(string Text);
