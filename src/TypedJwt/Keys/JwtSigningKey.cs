namespace TypedJwt;

/// <summary>
/// A key bound to exactly one JWS algorithm (RFC 8725 §3.1). A token whose header names another algorithm is rejected
/// before the key is used. Create keys with the factories on this class; the subclasses are per algorithm family.
/// </summary>
public abstract partial class JwtSigningKey : IKeyWithId
{
    private protected JwtSigningKey(JwsAlgorithm algorithm, string? keyId)
    {
        Algorithm = algorithm;
        KeyId = keyId;
    }

    /// <summary>The only algorithm this key signs and verifies with.</summary>
    public JwsAlgorithm Algorithm { get; }

    /// <summary>The key id (<c>kid</c>) written into the header of tokens signed with this key, and used for selection in a key set.</summary>
    public string? KeyId { get; }

    /// <summary>True when the key holds private (or secret) material and can sign.</summary>
    public abstract bool CanSign { get; }

    /// <summary>The encoded headers this key writes, per payload type (see <see cref="JwsWriter"/>).</summary>
    internal EncodedHeaderCache EncodedHeaders { get; } = new();

    /// <summary>The exact size in bytes of a signature made with this key.</summary>
    public abstract int SignatureSize { get; }

    /// <summary>Signs the JWS Signing Input. Returns false when <paramref name="destination"/> is smaller than <see cref="SignatureSize"/>.</summary>
    /// <exception cref="System.InvalidOperationException">The key is public only.</exception>
    public abstract bool TrySign(System.ReadOnlySpan<byte> signingInput, System.Span<byte> destination, out int bytesWritten);

    /// <summary>Verifies a signature over the JWS Signing Input. Never throws for a wrong or malformed signature.</summary>
    public abstract bool Verify(System.ReadOnlySpan<byte> signingInput, System.ReadOnlySpan<byte> signature);
}
