using System;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>A128KW / A256KW (RFC 7518 §4.4): a random Content Encryption Key per token, wrapped with AES Key Wrap.</summary>
internal sealed class AesKeyWrapEncryptionKey : JwtEncryptionKey
{
    private readonly byte[] _kek;

    public AesKeyWrapEncryptionKey(JweAlgorithm algorithm, JweEncryption encryption, ReadOnlySpan<byte> key, string? keyId)
        : base(algorithm, encryption, keyId)
    {
        int size = JweAlgorithmParameters.GetKeyWrapKeySize(algorithm);
        if (key.Length != size)
        {
            throw new ArgumentException(
                $"An {JweAlgorithmNames.GetName(algorithm)} key must be exactly {size} bytes (RFC 7518 §4.4); this one is {key.Length}.", nameof(key));
        }

        _kek = key.ToArray();
    }

    public override bool CanDecrypt => true;

    internal override int EncryptedKeySize => JweAlgorithmParameters.GetContentKeySize(Encryption) + 8;

    internal override int CreateContentKey(Span<byte> cek, Span<byte> encryptedKey, Span<byte> ephemeralPublicKey)
    {
        RandomNumberGenerator.Fill(cek);
        AesKeyWrap.Wrap(_kek, cek, encryptedKey);
        return EncryptedKeySize;
    }

    internal override bool TryRecoverContentKey(ReadOnlySpan<byte> encryptedKey, ReadOnlySpan<byte> headerJson, in JweHeader header, Span<byte> cek) =>
        encryptedKey.Length == EncryptedKeySize && AesKeyWrap.TryUnwrap(_kek, encryptedKey, cek);
}
