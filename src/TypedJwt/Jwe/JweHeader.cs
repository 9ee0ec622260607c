namespace TypedJwt;

/// <summary>What the JWE reader needs from a JWE Protected Header (RFC 7516 §4), read without allocating.</summary>
internal struct JweHeader
{
    /// <summary>The <c>alg</c> parameter.</summary>
    public JweAlgorithm Algorithm;

    /// <summary>The <c>enc</c> parameter.</summary>
    public JweEncryption Encryption;

    /// <summary>Length of the unescaped <c>kid</c> in the caller's buffer, or -1 when the header has none.</summary>
    public int KeyIdLength;

    /// <summary>Whether <c>typ</c> equals the required token type (RFC 7515 §4.1.9 comparison).</summary>
    public bool TypeMatches;

    /// <summary>Whether the header has <c>cty</c> equal to <c>JWT</c> (case-insensitive, RFC 7519 §5.2): the plaintext is a nested token.</summary>
    public bool IsNested;
}
