using System;

namespace TypedJwt;

/// <summary>
/// One token form (JWS, JWE, nested) as the validation pipeline sees it: how much scratch it needs, how it is opened (its
/// structure, header, key, signature or decryption, <c>typ</c>), and the check that binds its layers once the claims are
/// known. Implemented by structs that wrap the form's reader, so that the pipeline, generic over them, calls them directly.
/// </summary>
internal interface ITokenEnvelope
{
    /// <summary>The scratch bytes <see cref="Open"/> needs for a token of <paramref name="tokenLength"/> bytes.</summary>
    int GetScratchLength(int tokenLength);

    /// <summary>
    /// Checks the token up to its claims. On success the verified payload JSON is <c>scratch[parts.Payload]</c> and the
    /// header a typed header is read from is <c>scratch[parts.Header]</c>. The token's length is already checked.
    /// </summary>
    JwtError Open(ReadOnlySpan<byte> token, Span<byte> scratch, out TokenParts parts);

    /// <summary>
    /// The check between the registered claims and the typed read that ties the layers together: claims a JWE header
    /// replicates (RFC 7519 §5.3) must be the claims inside. None for a JWS.
    /// </summary>
    JwtError CheckBinding(ReadOnlySpan<byte> scratch, in TokenParts parts);
}

/// <summary>Where an opened token's parts lie in the scratch.</summary>
internal struct TokenParts
{
    /// <summary>The JSON of the header a typed header is read from.</summary>
    public Range Header;

    /// <summary>The verified payload JSON.</summary>
    public Range Payload;

    /// <summary>For JWE forms: the JWE Protected Header JSON, which <see cref="JweHeader"/>'s places index.</summary>
    public Range ProtectedHeader;

    /// <summary>For JWE forms: what the protected header said.</summary>
    public JweHeader Encryption;
}
