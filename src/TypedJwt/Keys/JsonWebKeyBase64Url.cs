using System;
using System.Buffers;
using System.Buffers.Text;

namespace TypedJwt;

/// <summary>
/// Strict base64url for JWK members (RFC 7515 §2, RFC 7518 §6). <see cref="Base64Url"/> itself tolerates padding and
/// whitespace and ignores the unused bits of the last character, which would let one key have many spellings; this
/// accepts exactly one spelling per byte sequence.
/// </summary>
internal static class JsonWebKeyBase64Url
{
    internal static bool TryDecode(ReadOnlySpan<byte> utf8, out byte[] bytes)
    {
        bytes = [];

        // One leftover character carries only 6 bits, less than a byte: no encoder ever produces it.
        int leftover = utf8.Length % 4;
        if (leftover == 1)
        {
            return false;
        }

        foreach (byte c in utf8)
        {
            if (ValueOf(c) < 0)
            {
                return false;
            }
        }

        // Two leftover characters encode one byte (4 bits unused), three encode two bytes (2 bits unused); unused bits must be zero.
        if (leftover != 0)
        {
            int unusedMask = leftover == 2 ? 0b1111 : 0b11;
            if ((ValueOf(utf8[^1]) & unusedMask) != 0)
            {
                return false;
            }
        }

        var decoded = new byte[Base64Url.GetMaxDecodedLength(utf8.Length)];
        if (Base64Url.DecodeFromUtf8(utf8, decoded, out _, out int written) != OperationStatus.Done)
        {
            return false;
        }

        bytes = written == decoded.Length ? decoded : decoded.AsSpan(0, written).ToArray();
        return true;
    }

    private static int ValueOf(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'-' => 62,
        (byte)'_' => 63,
        _ => -1,
    };
}
