using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// What one kind of JOSE header (JWS or JWE) reads from its parameters, plugged into the strict object read they share
/// (<see cref="JoseHeaderReader"/>): the shared read owns the structure, the limits, duplicates, <c>crit</c> and the
/// parameters every header reads alike (<see cref="JoseCommonParameters"/>); the header type owns the rest it understands.
/// </summary>
/// <typeparam name="TSelf">The header type, a struct filled in place.</typeparam>
internal interface IJoseHeader<TSelf> where TSelf : struct, IJoseHeader<TSelf>
{
    /// <summary>
    /// Reads the parameter whose name the reader is on when the header type understands it, leaving the reader on the value's
    /// last token, and sets <paramref name="known"/>; an unknown parameter is left for the shared read to skip strictly.
    /// </summary>
    static abstract bool TryReadParameter(ref Utf8JsonReader reader, ref TSelf header, scoped in JoseHeaderContext context, out bool known, out JwtError error);

    /// <summary>Where the header keeps its <c>kid</c> and <c>typ</c>.</summary>
    static abstract ref JoseCommonParameters Common(ref TSelf header);

    /// <summary>The checks that need the whole header (a required parameter missing).</summary>
    static abstract JwtError Complete(in TSelf header);
}

/// <summary>What a header read needs besides the JSON: the <c>typ</c> the validator requires and where to put the <c>kid</c>.</summary>
internal readonly ref struct JoseHeaderContext(TokenTypeRequirement type, Span<byte> keyId)
{
    /// <summary>The <c>typ</c> the validator requires.</summary>
    public TokenTypeRequirement Type { get; } = type;

    /// <summary>A buffer for the unescaped <c>kid</c>; a longer <c>kid</c> cannot match any key and is reported as an unknown key.</summary>
    public Span<byte> KeyId { get; } = keyId;
}
