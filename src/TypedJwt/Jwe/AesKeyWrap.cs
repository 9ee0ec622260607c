using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>
/// AES Key Wrap (RFC 3394 §2.2.1 and §2.2.2 with the default IV), used by A128KW and A256KW (RFC 7518 §4.4). The BCL has no
/// key wrap, so it is built here from single-block AES-ECB calls. The integrity check on unwrap compares in constant time.
/// </summary>
internal static class AesKeyWrap
{
    private const ulong DefaultIv = 0xA6A6A6A6A6A6A6A6;

    /// <summary>Wraps <paramref name="keyData"/> (a multiple of 8 bytes, at least 16) into <paramref name="destination"/> (8 bytes longer).</summary>
    public static void Wrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> keyData, Span<byte> destination)
    {
        if (keyData.Length < 16 || keyData.Length % 8 != 0)
        {
            throw new ArgumentException("AES Key Wrap takes at least two 64-bit blocks of key data.", nameof(keyData));
        }

        if (destination.Length < keyData.Length + 8)
        {
            throw new ArgumentException("The destination is too small for the wrapped key.", nameof(destination));
        }

        int n = keyData.Length / 8;
        using Aes aes = AesFactory.Create(kek);
        Span<byte> block = stackalloc byte[16];
        Span<byte> output = stackalloc byte[16];
        Span<byte> r = destination.Slice(8, keyData.Length);
        keyData.CopyTo(r);
        ulong a = DefaultIv;
        for (int j = 0; j <= 5; j++)
        {
            for (int i = 1; i <= n; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a);
                r.Slice((i - 1) * 8, 8).CopyTo(block.Slice(8));
                aes.EncryptEcb(block, output, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(output) ^ (ulong)((n * j) + i);
                output.Slice(8).CopyTo(r.Slice((i - 1) * 8, 8));
            }
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, a);
        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(output);
    }

    /// <summary>
    /// Unwraps <paramref name="wrapped"/> into <paramref name="destination"/> (8 bytes shorter). Returns false, with the
    /// destination zeroed, when the length is not a whole number of at least three blocks or the integrity check fails.
    /// </summary>
    public static bool TryUnwrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped, Span<byte> destination)
    {
        if (wrapped.Length < 24 || wrapped.Length % 8 != 0 || destination.Length < wrapped.Length - 8)
        {
            return false;
        }

        int n = (wrapped.Length / 8) - 1;
        using Aes aes = AesFactory.Create(kek);
        Span<byte> block = stackalloc byte[16];
        Span<byte> output = stackalloc byte[16];
        Span<byte> r = destination.Slice(0, wrapped.Length - 8);
        wrapped.Slice(8).CopyTo(r);
        ulong a = BinaryPrimitives.ReadUInt64BigEndian(wrapped);
        for (int j = 5; j >= 0; j--)
        {
            for (int i = n; i >= 1; i--)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a ^ (ulong)((n * j) + i));
                r.Slice((i - 1) * 8, 8).CopyTo(block.Slice(8));
                aes.DecryptEcb(block, output, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(output);
                output.Slice(8).CopyTo(r.Slice((i - 1) * 8, 8));
            }
        }

        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(output);
        Span<byte> actual = stackalloc byte[8];
        Span<byte> expected = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(actual, a);
        BinaryPrimitives.WriteUInt64BigEndian(expected, DefaultIv);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            CryptographicOperations.ZeroMemory(r);
            return false;
        }

        return true;
    }
}
