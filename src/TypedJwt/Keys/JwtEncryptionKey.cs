using System;

namespace TypedJwt;

/// <summary>
/// A key for encrypted tokens (JWE, RFC 7516), bound to exactly one key management algorithm (<c>alg</c>) and one content
/// encryption algorithm (<c>enc</c>) (RFC 8725 §3.1). A token whose header names another <c>alg</c> or <c>enc</c> is
/// rejected before the key is used. Create keys with the factories on this class.
/// </summary>
public abstract partial class JwtEncryptionKey : IKeyWithId
{
    private protected JwtEncryptionKey(JweAlgorithm algorithm, JweEncryption encryption, string? keyId)
    {
        Algorithm = algorithm;
        Encryption = encryption;
        KeyId = keyId;
    }

    /// <summary>The only key management algorithm (<c>alg</c>) this key is used with.</summary>
    public JweAlgorithm Algorithm { get; }

    /// <summary>The only content encryption algorithm (<c>enc</c>) this key is used with.</summary>
    public JweEncryption Encryption { get; }

    /// <summary>The key id (<c>kid</c>) written into the header of tokens encrypted with this key, and used for selection when reading.</summary>
    public string? KeyId { get; }

    /// <summary>True when the key holds private (or secret) material and can decrypt.</summary>
    public abstract bool CanDecrypt { get; }

    /// <summary>The size in bytes of the JWE Encrypted Key this key produces (0 for <c>dir</c>).</summary>
    internal abstract int EncryptedKeySize { get; }

    /// <summary>The size of the ephemeral public key (x || y) the key agreement puts into the header as <c>epk</c>; 0 without key agreement.</summary>
    internal virtual int EphemeralKeySize => 0;

    /// <summary>The JWK <c>crv</c> of the ephemeral public key, or null without key agreement.</summary>
    internal virtual string? CurveName => null;

    /// <summary>
    /// Makes the Content Encryption Key for one token into <paramref name="cek"/> (exactly the size <see cref="Encryption"/>
    /// needs), writes the JWE Encrypted Key into <paramref name="encryptedKey"/> and returns its length, and with key
    /// agreement writes the ephemeral public key (x || y) into <paramref name="ephemeralPublicKey"/>.
    /// </summary>
    internal abstract int CreateContentKey(Span<byte> cek, Span<byte> encryptedKey, Span<byte> ephemeralPublicKey);

    /// <summary>
    /// Recovers the Content Encryption Key into <paramref name="cek"/> (exactly the size <see cref="Encryption"/> needs), using
    /// the header's key agreement parameters where the algorithm has them. Returns false when the Encrypted Key or those
    /// parameters are wrong for this key; never throws for bad input.
    /// </summary>
    internal abstract bool TryRecoverContentKey(ReadOnlySpan<byte> encryptedKey, ReadOnlySpan<byte> headerJson, in JweHeader header, Span<byte> cek);
}
