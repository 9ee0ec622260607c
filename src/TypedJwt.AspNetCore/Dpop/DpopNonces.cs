using System;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Stateless server nonces (RFC 9449 §8): base64url of the second they were made (8 bytes, big-endian) and the first 16
/// bytes of HMAC-SHA256 over it. A nonce is valid while younger than its lifetime; nothing is stored, and instances that
/// share the key accept each other's.
/// </summary>
internal sealed class DpopNonces(byte[] key, TimeSpan lifetime, TimeProvider time)
{
    private const int TagLength = 16;
    private const int NonceLength = 8 + TagLength;

    public string Create()
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, time.GetUtcNow().ToUnixTimeSeconds());
        Tag(nonce.Slice(0, 8), nonce.Slice(8));
        return Base64Url.EncodeToString(nonce);
    }

    public bool IsValid(string? nonce)
    {
        Span<byte> bytes = stackalloc byte[NonceLength + 3];
        if (nonce is null || !Base64Url.TryDecodeFromChars(nonce, bytes, out int written) || written != NonceLength)
        {
            return false;
        }

        Span<byte> tag = stackalloc byte[TagLength];
        Tag(bytes.Slice(0, 8), tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, bytes.Slice(8, TagLength)))
        {
            return false;
        }

        long age = time.GetUtcNow().ToUnixTimeSeconds() - BinaryPrimitives.ReadInt64BigEndian(bytes);
        return age >= -1 && age <= (long)lifetime.TotalSeconds;
    }

    private void Tag(ReadOnlySpan<byte> timestamp, Span<byte> destination)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, timestamp, mac);
        mac.Slice(0, TagLength).CopyTo(destination);
    }
}
