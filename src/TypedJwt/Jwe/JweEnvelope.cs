using System;

namespace TypedJwt;

/// <summary>The encrypted form (JWE Compact Serialization) whose plaintext is the claims set.</summary>
internal readonly struct JweEnvelope : ITokenEnvelope
{
    private readonly JweTokenReader _reader;

    public JweEnvelope(JweTokenReader reader)
    {
        _reader = reader;
    }

    public int GetScratchLength(int tokenLength) => JweTokenReader.GetScratchLength(tokenLength);

    public JwtError Open(ReadOnlySpan<byte> token, Span<byte> scratch, out TokenParts parts)
    {
        parts = default;
        JwtError error = _reader.Decrypt(token, scratch, out parts.Payload, out parts.ProtectedHeader, out parts.Encryption);
        parts.Header = parts.ProtectedHeader;
        return error;
    }

    public JwtError CheckBinding(ReadOnlySpan<byte> scratch, in TokenParts parts) =>
        ReplicatedClaims.Check(scratch, in parts, _reader.Policy.MaxJsonDepth);
}
