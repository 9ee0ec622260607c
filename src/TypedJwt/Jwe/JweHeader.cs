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

    /// <summary>Whether the header has <c>epk</c>, the ephemeral public key of ECDH-ES (RFC 7518 §4.6.1.1).</summary>
    public bool HasEphemeralKey;

    /// <summary>Where the <c>epk</c> JSON object lies in the header JSON.</summary>
    public System.Range EphemeralKey;

    /// <summary>Where the still-encoded <c>apu</c> (Agreement PartyUInfo) string lies in the header JSON; empty when absent.</summary>
    public System.Range PartyUInfo;

    /// <summary>Where the still-encoded <c>apv</c> (Agreement PartyVInfo) string lies in the header JSON; empty when absent.</summary>
    public System.Range PartyVInfo;

    /// <summary>Where the raw JSON value of a replicated <c>iss</c> lies in the header JSON (RFC 7519 §5.3); empty when absent.</summary>
    public System.Range ReplicatedIssuer;

    /// <summary>Where the raw JSON value of a replicated <c>sub</c> lies in the header JSON; empty when absent.</summary>
    public System.Range ReplicatedSubject;

    /// <summary>Where the raw JSON value of a replicated <c>aud</c> lies in the header JSON; empty when absent.</summary>
    public System.Range ReplicatedAudience;
}
