namespace TypedJwt;

/// <summary>
/// The parameters JWS and JWE headers read alike (RFC 7515 §4.1.4, §4.1.9): <c>kid</c>, which selects the key, and
/// <c>typ</c>, which must name the token type the validator requires. Read by the shared header read.
/// </summary>
internal struct JoseCommonParameters
{
    /// <summary>Whether the header has a <c>kid</c>.</summary>
    public bool HasKeyId;

    /// <summary>Length of the unescaped <c>kid</c> in the caller's buffer (longer than the buffer when it did not fit).</summary>
    public int KeyIdLength;

    /// <summary>Whether the header has a <c>typ</c> parameter.</summary>
    public bool HasType;

    /// <summary>Whether <c>typ</c> is the required token type.</summary>
    public bool TypeMatches;
}
