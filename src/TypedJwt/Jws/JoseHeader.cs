namespace TypedJwt;

/// <summary>What the token reader needs from a JWS Protected Header, read without allocating.</summary>
internal struct JoseHeader
{
    /// <summary>The <c>alg</c> parameter.</summary>
    public JwsAlgorithm Algorithm;

    /// <summary>Length of the unescaped <c>kid</c> in the caller's buffer, or -1 when the header has none.</summary>
    public int KeyIdLength;

    /// <summary>Whether the header has a <c>typ</c> parameter.</summary>
    public bool HasType;

    /// <summary>Whether <c>typ</c> equals the required token type (RFC 7515 §4.1.9 comparison).</summary>
    public bool TypeMatches;
}
