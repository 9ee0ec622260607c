using System;
using System.Buffers;
using System.Buffers.Text;

namespace TypedJwt;

/// <summary>
/// Strict base64url (RFC 7515 §2, RFC 4648 §5): the URL-safe alphabet only, no padding, no whitespace, and canonical
/// trailing bits, so that exactly one spelling decodes to given bytes. The BCL decoder is lenient on the last three
/// points, so segments are checked here first and then decoded by <see cref="Base64Url"/>.
/// </summary>
internal static class JwtBase64Url
{
    private static readonly SearchValues<byte> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"u8);

    /// <summary>The most bytes <paramref name="encodedLength"/> base64url characters can decode to.</summary>
    public static int GetMaxDecodedLength(int encodedLength) => (encodedLength * 3) >> 2;

    /// <summary>Decodes a segment, refusing anything but the canonical unpadded encoding.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (encoded.Length % 4 == 1 || encoded.IndexOfAnyExcept(Alphabet) >= 0 || !HasCanonicalTail(encoded))
        {
            return false;
        }

        return Base64Url.DecodeFromUtf8(encoded, destination, out _, out bytesWritten) == OperationStatus.Done;
    }

    /// <summary>Decodes a key member into a new array (key import, not the hot path), with the same strictness.</summary>
    public static bool TryDecodeToArray(ReadOnlySpan<byte> encoded, out byte[] bytes)
    {
        var decoded = new byte[GetMaxDecodedLength(encoded.Length)];
        if (!TryDecode(encoded, decoded, out int written))
        {
            bytes = [];
            return false;
        }

        bytes = written == decoded.Length ? decoded : decoded.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>Encodes without padding; <paramref name="destination"/> must hold <see cref="Base64Url.GetEncodedLength"/> bytes.</summary>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Base64Url.EncodeToUtf8(source, destination, out _, out int written);
        return written;
    }

    // The unused low bits of the last character must be zero: 'QQ' is "A", 'QR' must not also be.
    private static bool HasCanonicalTail(ReadOnlySpan<byte> encoded)
    {
        int remainder = encoded.Length % 4;
        if (remainder == 0)
        {
            return true;
        }

        int last = SextetOf(encoded[^1]);
        return remainder == 2 ? (last & 0x0F) == 0 : (last & 0x03) == 0;
    }

    private static int SextetOf(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'-' => 62,
        _ => 63,
    };
}
