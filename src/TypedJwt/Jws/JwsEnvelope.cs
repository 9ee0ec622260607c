using System;

namespace TypedJwt;

/// <summary>The signed form (JWS Compact Serialization): the token is verified in place; its scratch holds the decoded segments.</summary>
internal readonly struct JwsEnvelope : ITokenEnvelope
{
    private readonly JwsTokenReader _reader;

    public JwsEnvelope(JwsTokenReader reader)
    {
        _reader = reader;
    }

    // Header, signature and payload decode side by side into less than the token's length.
    public int GetScratchLength(int tokenLength) => tokenLength;

    public JwtError Open(ReadOnlySpan<byte> token, Span<byte> scratch, out TokenParts parts)
    {
        parts = default;
        return _reader.Read(token, scratch, out parts.Header, out parts.Payload);
    }

    public JwtError CheckBinding(ReadOnlySpan<byte> scratch, in TokenParts parts) => default;
}
