using System;

namespace TypedJwt;

/// <summary>
/// Unsigned big-endian integers as JWKs and the BCL carry them (RFC 7518 §2 Base64urlUInt, <see cref="System.Security.Cryptography.RSAParameters"/>):
/// measuring them and converting between minimal and fixed-length forms.
/// </summary>
internal static class BigEndianIntegers
{
    internal static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        return first < 0 ? ReadOnlySpan<byte>.Empty : value.Slice(first);
    }

    internal static int BitLength(ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> trimmed = TrimLeadingZeros(value);
        if (trimmed.IsEmpty)
        {
            return 0;
        }

        int topBits = 32 - System.Numerics.BitOperations.LeadingZeroCount(trimmed[0]);
        return ((trimmed.Length - 1) * 8) + topBits;
    }

    /// <summary>The value left-padded with zeros to exactly <paramref name="length"/> bytes, or null when it does not fit.</summary>
    internal static byte[]? ToFixedLength(ReadOnlySpan<byte> value, int length)
    {
        ReadOnlySpan<byte> trimmed = TrimLeadingZeros(value);
        if (trimmed.Length > length)
        {
            return null;
        }

        var result = new byte[length];
        trimmed.CopyTo(result.AsSpan(length - trimmed.Length));
        return result;
    }
}
