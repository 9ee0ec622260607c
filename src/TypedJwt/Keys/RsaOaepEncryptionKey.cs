using System;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>RSA-OAEP / RSA-OAEP-256 (RFC 7518 §4.3): a random Content Encryption Key per token, encrypted to the RSA key.</summary>
internal sealed class RsaOaepEncryptionKey : JwtEncryptionKey
{
    private readonly RSA _rsa;
    private readonly RSAEncryptionPadding _padding;
    private readonly bool _canDecrypt;

    public RsaOaepEncryptionKey(RSA rsa, JweAlgorithm algorithm, JweEncryption encryption, string? keyId, bool? canDecrypt)
        : base(algorithm, encryption, keyId)
    {
        RSAParameters publicParameters = rsa.ExportParameters(includePrivateParameters: false);
        int modulusBits = BigEndianIntegers.BitLength(publicParameters.Modulus);
        if (modulusBits < RsaSigningKey.MinimumModulusBits)
        {
            throw new ArgumentException(
                $"{JweAlgorithmNames.GetName(algorithm)} requires an RSA modulus of at least {RsaSigningKey.MinimumModulusBits} bits (RFC 7518 §4.3); this key has {modulusBits}.",
                nameof(rsa));
        }

        if (RsaRocaFingerprint.IsFingerprinted(publicParameters.Modulus))
        {
            throw new ArgumentException(
                "The RSA modulus has the ROCA fingerprint (CVE-2017-15361): its private key can be computed from the public key. Replace the key.",
                nameof(rsa));
        }

        if (!RsaSigningKey.IsUsablePublicExponent(publicParameters.Exponent))
        {
            throw new ArgumentException("The RSA public exponent must be odd and greater than 1.", nameof(rsa));
        }

        _rsa = rsa;
        _padding = algorithm == JweAlgorithm.RsaOaep ? RSAEncryptionPadding.OaepSHA1 : RSAEncryptionPadding.OaepSHA256;
        _canDecrypt = canDecrypt ?? HasPrivateKey(rsa);
        EncryptedKeySize = (rsa.KeySize + 7) / 8;
    }

    public override bool CanDecrypt => _canDecrypt;

    internal override int EncryptedKeySize { get; }

    internal override int CreateContentKey(Span<byte> cek, Span<byte> encryptedKey, Span<byte> ephemeralPublicKey)
    {
        RandomNumberGenerator.Fill(cek);
        if (!_rsa.TryEncrypt(cek, encryptedKey, _padding, out int written))
        {
            throw new ArgumentException("The destination is too small for the encrypted key.", nameof(encryptedKey));
        }

        return written;
    }

    internal override bool TryRecoverContentKey(ReadOnlySpan<byte> encryptedKey, ReadOnlySpan<byte> headerJson, in JweHeader header, Span<byte> cek)
    {
        if (!_canDecrypt || encryptedKey.Length != EncryptedKeySize)
        {
            return false;
        }

        // Moduli up to 8192 bits decrypt on the stack; larger ones (rare, and slow anyway) into a heap buffer.
        Span<byte> decrypted = stackalloc byte[EncryptedKeySize <= 1024 ? EncryptedKeySize : 0];
        Span<byte> target = decrypted.IsEmpty ? new byte[EncryptedKeySize] : decrypted;
        try
        {
            bool ok = _rsa.TryDecrypt(encryptedKey, target, _padding, out int written) && written == cek.Length;
            if (ok)
            {
                target.Slice(0, written).CopyTo(cek);
            }

            return ok;
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(target);
        }
    }

    // A caller's instance may hold a non-exportable private key, so the private part is probed by using it once.
    private static bool HasPrivateKey(RSA rsa)
    {
        byte[] signature = new byte[(rsa.KeySize + 7) / 8];
        try
        {
            return rsa.TrySignData("TypedJwt"u8, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out _);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
