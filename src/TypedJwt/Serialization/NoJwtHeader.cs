using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Stands for "no typed header" in the generic token paths, so that one code path serves tokens with and without a
/// <see cref="JwtHeaderAttribute"/> type. Those paths test for it by type and never call its members.
/// </summary>
internal sealed class NoJwtHeader : IJwtHeader<NoJwtHeader>
{
    private NoJwtHeader()
    {
    }

    public void WriteJson(Utf8JsonWriter writer) => throw new InvalidOperationException("NoJwtHeader has no parameters to write.");

    public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out NoJwtHeader value, out JwtError error) =>
        throw new InvalidOperationException("NoJwtHeader has no parameters to read.");

    public JwtError ValidateConstraints() => default;
}
