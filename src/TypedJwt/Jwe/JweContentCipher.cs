using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>
/// Content encryption (RFC 7518 §5): AES-GCM through <see cref="AesGcm"/>, and AES-CBC with HMAC-SHA-2 (§5.2) through
/// <see cref="Aes"/> and <see cref="IncrementalHash"/>. Decryption authenticates before it releases any plaintext: GCM
/// checks its tag inside the BCL; CBC-HMAC compares the HMAC in constant time before CBC decryption and padding removal, so
/// a padding error can never be observed apart from a tag error (no padding oracle).
/// </summary>
internal static class JweContentCipher
{
    /// <summary>The ciphertext length for a plaintext: the same for GCM, PKCS#7-padded to whole blocks for CBC.</summary>
    public static int GetCiphertextLength(JweEncryption encryption, int plaintextLength) =>
        JweAlgorithmParameters.IsCbcHmac(encryption) ? ((plaintextLength / 16) + 1) * 16 : plaintextLength;

    /// <summary>Encrypts; <paramref name="ciphertext"/> and <paramref name="tag"/> must have exactly the sizes the algorithm gives.</summary>
    public static void Encrypt(
        JweEncryption encryption,
        ReadOnlySpan<byte> cek,
        ReadOnlySpan<byte> iv,
        ReadOnlySpan<byte> aad,
        ReadOnlySpan<byte> plaintext,
        Span<byte> ciphertext,
        Span<byte> tag)
    {
        if (!JweAlgorithmParameters.IsCbcHmac(encryption))
        {
            using var gcm = new AesGcm(cek, tag.Length);
            gcm.Encrypt(iv, plaintext, ciphertext, tag, aad);
            return;
        }

        int half = cek.Length / 2;
        using (Aes aes = AesFactory.Create(cek.Slice(half)))
        {
            aes.EncryptCbc(plaintext, iv, ciphertext, PaddingMode.PKCS7);
        }

        ComputeCbcHmacTag(encryption, cek.Slice(0, half), aad, iv, ciphertext, tag);
    }

    /// <summary>
    /// Authenticates and decrypts. Returns false for any failure (wrong sizes, tag, padding), with nothing usable in
    /// <paramref name="plaintext"/>; the caller reports every such failure with one error code.
    /// </summary>
    public static bool TryDecrypt(
        JweEncryption encryption,
        ReadOnlySpan<byte> cek,
        ReadOnlySpan<byte> iv,
        ReadOnlySpan<byte> aad,
        ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> tag,
        Span<byte> plaintext,
        out int plaintextLength)
    {
        plaintextLength = 0;
        if (iv.Length != JweAlgorithmParameters.GetIvSize(encryption) || tag.Length != JweAlgorithmParameters.GetTagSize(encryption))
        {
            return false;
        }

        try
        {
            if (!JweAlgorithmParameters.IsCbcHmac(encryption))
            {
                using var gcm = new AesGcm(cek, tag.Length);
                gcm.Decrypt(iv, ciphertext, tag, plaintext.Slice(0, ciphertext.Length), aad);
                plaintextLength = ciphertext.Length;
                return true;
            }

            if (ciphertext.Length == 0 || ciphertext.Length % 16 != 0)
            {
                return false;
            }

            int half = cek.Length / 2;
            Span<byte> expected = stackalloc byte[32];
            expected = expected.Slice(0, tag.Length);
            ComputeCbcHmacTag(encryption, cek.Slice(0, half), aad, iv, ciphertext, expected);
            bool authentic = CryptographicOperations.FixedTimeEquals(expected, tag);
            CryptographicOperations.ZeroMemory(expected);
            if (!authentic)
            {
                return false;
            }

            using Aes aes = AesFactory.Create(cek.Slice(half));
            return aes.TryDecryptCbc(ciphertext, iv, plaintext, out plaintextLength, PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            // A GCM tag mismatch, or CBC padding that is wrong although the HMAC verified (only a key holder can make that).
            plaintextLength = 0;
            return false;
        }
    }

    // RFC 7518 §5.2.2.1: HMAC over AAD || IV || ciphertext || AL (the AAD length in bits, 64-bit big-endian), first half kept.
    private static void ComputeCbcHmacTag(
        JweEncryption encryption,
        ReadOnlySpan<byte> macKey,
        ReadOnlySpan<byte> aad,
        ReadOnlySpan<byte> iv,
        ReadOnlySpan<byte> ciphertext,
        Span<byte> tag)
    {
        HashAlgorithmName hash = encryption == JweEncryption.A256CbcHS512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;
        using IncrementalHash hmac = IncrementalHash.CreateHMAC(hash, macKey);
        Span<byte> aadBits = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(aadBits, (ulong)aad.Length * 8);
        hmac.AppendData(aad);
        hmac.AppendData(iv);
        hmac.AppendData(ciphertext);
        hmac.AppendData(aadBits);
        Span<byte> full = stackalloc byte[64];
        int written = hmac.GetHashAndReset(full);
        full.Slice(0, written / 2).CopyTo(tag);
        CryptographicOperations.ZeroMemory(full);
    }
}
