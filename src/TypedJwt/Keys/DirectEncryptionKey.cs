using System;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary><c>dir</c> (RFC 7518 §4.5): the shared key is the Content Encryption Key and the JWE Encrypted Key is empty.</summary>
internal sealed class DirectEncryptionKey : JwtEncryptionKey
{
    private readonly byte[] _key;

    public DirectEncryptionKey(JweEncryption encryption, ReadOnlySpan<byte> key, string? keyId)
        : base(JweAlgorithm.Direct, encryption, keyId)
    {
        int size = JweAlgorithmParameters.GetContentKeySize(encryption);
        if (key.Length != size)
        {
            throw new ArgumentException(
                $"A dir key for {JweAlgorithmNames.GetName(encryption)} must be exactly {size} bytes (RFC 7518 §5); this one is {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    public override bool CanDecrypt => true;

    internal override int EncryptedKeySize => 0;

    internal override int CreateContentKey(Span<byte> cek, Span<byte> encryptedKey, Span<byte> ephemeralPublicKey)
    {
        _key.CopyTo(cek);
        return 0;
    }

    internal override bool TryRecoverContentKey(ReadOnlySpan<byte> encryptedKey, ReadOnlySpan<byte> headerJson, in JweHeader header, Span<byte> cek)
    {
        // RFC 7516 §5.2 step 10: with dir the JWE Encrypted Key must be empty.
        if (!encryptedKey.IsEmpty)
        {
            CryptographicOperations.ZeroMemory(cek);
            return false;
        }

        _key.CopyTo(cek);
        return true;
    }
}
