namespace TypedJwt;

/// <summary>
/// A JWK that <see cref="JwtKeySet.FromJwks(string)"/> left out of the set because TypedJwt cannot verify signatures with
/// it (RFC 7517 §5: a JWK Set reader SHOULD ignore such keys rather than refuse the set). Listed in
/// <see cref="JwtKeySet.IgnoredKeys"/> so the caller can log what the issuer published and TypedJwt did not use.
/// </summary>
public sealed class IgnoredJsonWebKey
{
    internal IgnoredJsonWebKey(int index, string? keyId, string reason)
    {
        Index = index;
        KeyId = keyId;
        Reason = reason;
    }

    /// <summary>The key's position in the JWK Set's <c>keys</c> array, from 0.</summary>
    public int Index { get; }

    /// <summary>
    /// The JWK's <c>kid</c> as read, or null when it had none, had more than one, or it was not a JSON string. This is the
    /// issuer's text, unescaped: escape it before writing it to a log (<see cref="ToString"/> does).
    /// </summary>
    public string? KeyId { get; }

    /// <summary>Why the key was ignored: a sentence that names JWK members and never quotes key material or values.</summary>
    public string Reason { get; }

    /// <summary>The index, the <c>kid</c> (escaped and shortened to printable ASCII) and the reason, for a log line.</summary>
    public override string ToString() =>
        KeyId is null ? $"Key {Index}: {Reason}" : $"Key {Index} ('kid' \"{JwtErrorMessages.Quote(KeyId)}\"): {Reason}";
}
