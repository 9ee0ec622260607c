using System.ComponentModel;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Reads one JSON value (the reader is positioned on it) as a <typeparamref name="T"/>; the shape of every
/// <see cref="JwtClaimReader"/> scalar reader, so one array reader serves every element type. Used by generated code.
/// </summary>
/// <typeparam name="T">The claim (or array element) type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool JwtValueReader<T>(ref Utf8JsonReader reader, string claimName, out T value, out JwtError error);
