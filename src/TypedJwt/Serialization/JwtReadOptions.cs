using System.ComponentModel;

namespace TypedJwt;

/// <summary>
/// Limits a generated reader enforces while it reads (JSON depth is enforced by the <c>Utf8JsonReader</c> itself). The
/// validators pass their policy's limits to generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JwtReadOptions
{
    /// <summary>The default array limit: 256 elements.</summary>
    public const int DefaultMaxArrayLength = 256;

    /// <summary>Creates options with an array length limit.</summary>
    public JwtReadOptions(int maxArrayLength) => MaxArrayLength = maxArrayLength;

    /// <summary>Options with the defaults.</summary>
    public static JwtReadOptions Default => new(DefaultMaxArrayLength);

    /// <summary>The most elements accepted in one JSON array; more is <see cref="JwtErrorCode.ArrayTooLong"/>.</summary>
    public int MaxArrayLength { get; }
}
