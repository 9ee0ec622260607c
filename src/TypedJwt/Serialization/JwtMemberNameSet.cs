using System;
using System.Buffers;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The member names seen so far in one JSON object, unescaped, so that a second spelling of the same name
/// (<c>"exp"</c> and <c>"\u0065xp"</c>) is caught as a duplicate (RFC 7519 §4, RFC 7515 §5.2). Generated readers use it for
/// members they do not recognise (recognised ones are tracked with a bit mask). Starts on a caller's (stack) buffer and
/// rents from <see cref="ArrayPool{T}"/> only for objects with unusually many or long names; call <see cref="Dispose"/>.
/// </summary>
public ref struct JwtMemberNameSet
{
    // Entries are stored back to back as [length: 2 bytes little-endian][unescaped UTF-8 name].
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _used;

    /// <summary>Creates a set that stores names in <paramref name="buffer"/> until it is full.</summary>
    public JwtMemberNameSet(Span<byte> buffer)
    {
        _buffer = buffer;
        _rented = null;
        _used = 0;
    }

    /// <summary>
    /// Adds the property name the reader is positioned on. Returns false when the object already had a member of that name.
    /// </summary>
    public bool TryAdd(in Utf8JsonReader reader)
    {
        int maxLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (maxLength > ushort.MaxValue)
        {
            // No JWT member name is this long; the caller's length limits make this unreachable in practice.
            throw new JsonException("A JSON member name is too long.");
        }

        EnsureCapacity(2 + maxLength);
        Span<byte> entry = _buffer.Slice(_used + 2);
        int length = reader.HasValueSequence || reader.ValueIsEscaped
            ? JwtJson.CopyString(in reader, entry)
            : CopyPlain(reader.ValueSpan, entry);
        ReadOnlySpan<byte> name = entry.Slice(0, length);

        int position = 0;
        while (position < _used)
        {
            int existingLength = _buffer[position] | (_buffer[position + 1] << 8);
            if (_buffer.Slice(position + 2, existingLength).SequenceEqual(name))
            {
                return false;
            }

            position += 2 + existingLength;
        }

        _buffer[_used] = (byte)length;
        _buffer[_used + 1] = (byte)(length >> 8);
        _used += 2 + length;
        return true;
    }

    /// <summary>Returns a rented buffer, if one was needed.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private static int CopyPlain(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private void EnsureCapacity(int needed)
    {
        if (_buffer.Length - _used >= needed)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + needed));
        _buffer.Slice(0, _used).CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = larger;
        _buffer = larger;
    }
}
