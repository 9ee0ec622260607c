using System;

namespace TypedJwt;

/// <summary>
/// The nested form, sign-then-encrypt (RFC 7519 §11.2): a JWE with <c>cty: JWT</c> whose plaintext is a JWS. The outer
/// layer is decrypted, then the inner token is verified exactly as a signed token is; the typed header is the inner,
/// signed one, and claims the outer header replicates must be the signed claims.
/// </summary>
internal readonly struct NestedEnvelope : ITokenEnvelope
{
    private readonly JweTokenReader _outer;
    private readonly JwsTokenReader _inner;

    public NestedEnvelope(JweTokenReader outer, JwsTokenReader inner)
    {
        _outer = outer;
        _inner = inner;
    }

    // The outer layer needs twice the token; the inner token (no longer than the token) is read in the space after it.
    public int GetScratchLength(int tokenLength) => JweTokenReader.GetScratchLength(tokenLength) + tokenLength;

    public JwtError Open(ReadOnlySpan<byte> token, Span<byte> scratch, out TokenParts parts)
    {
        parts = default;
        int outerLength = JweTokenReader.GetScratchLength(token.Length);
        JwtError error = _outer.Decrypt(token, scratch.Slice(0, outerLength), out Range plaintext, out parts.ProtectedHeader, out parts.Encryption);
        if (!error.IsNone)
        {
            return error;
        }

        error = _inner.Read(scratch[plaintext], scratch.Slice(outerLength), out Range header, out Range payload);
        parts.Header = new Range(outerLength + header.Start.Value, outerLength + header.End.Value);
        parts.Payload = new Range(outerLength + payload.Start.Value, outerLength + payload.End.Value);
        return error;
    }

    public JwtError CheckBinding(ReadOnlySpan<byte> scratch, in TokenParts parts) =>
        ReplicatedClaims.Check(scratch, in parts, _outer.Policy.MaxJsonDepth);
}
