namespace TypedJwt;

/// <summary>
/// The first check a token or claims set failed: a stable <see cref="Code"/> plus the claim or header parameter
/// it concerns. Creating one never allocates; <see cref="Message"/> builds text only when asked.
/// </summary>
public readonly struct JwtError : System.IEquatable<JwtError>
{
    private JwtError(JwtErrorCode code, string? name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>No error.</summary>
    public static JwtError None => default;

    /// <summary>What failed.</summary>
    public JwtErrorCode Code { get; }

    /// <summary>The claim or header parameter name the error concerns (for example <c>exp</c>), or null.</summary>
    public string? Name { get; }

    /// <summary>True when this is <see cref="None"/>.</summary>
    public bool IsNone => Code == JwtErrorCode.None;

    /// <summary>A sentence describing the error, naming the claim or parameter. Never contains claim values or key material.</summary>
    public string Message => JwtErrorMessages.Describe(Code, Name);

    /// <summary>Creates an error. <paramref name="name"/> should be a constant (claim names are), so this does not allocate.</summary>
    public static JwtError Create(JwtErrorCode code, string? name = null) => new(code, name);

    /// <inheritdoc/>
    public bool Equals(JwtError other) => Code == other.Code && string.Equals(Name, other.Name, System.StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JwtError other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(Code, Name);

    /// <inheritdoc/>
    public override string ToString() => Message;

    /// <summary>Compares two errors.</summary>
    public static bool operator ==(JwtError left, JwtError right) => left.Equals(right);

    /// <summary>Compares two errors.</summary>
    public static bool operator !=(JwtError left, JwtError right) => !left.Equals(right);
}
