using System;
using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The member names seen so far in one JSON object, unescaped, so that a second spelling of the same name
/// (<c>"exp"</c> and <c>"\u0065xp"</c>) is caught as a duplicate (RFC 7519 §4, RFC 7515 §5.2). Generated readers use it for
/// members they do not recognise (recognised ones are tracked with a bit mask). Starts on a caller's (stack) buffer and
/// rents from <see cref="ArrayPool{T}"/> only for objects with unusually many or long names; call <see cref="Dispose"/>.
/// Used by generated code; not meant to be used by hand.
/// </summary>
/// <remarks>
/// It runs on input nobody has authenticated yet (the JOSE header, every object a skipped value holds), so its cost is
/// linear in the names whatever the sender puts in one object: up to <see cref="LinearScanLimit"/> names each new name is
/// compared with those stored (for a handful of short names that is cheaper than hashing); past that an open-addressing
/// index over the stored names makes each look-up expected constant time. The index hashes with
/// <see cref="HashCode"/>, whose seed is random per process, so a sender cannot precompute names that collide.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct JwtMemberNameSet
{
    /// <summary>
    /// Names compared one by one before the set builds its hash index: where the two cost the same. Measured on .NET 10
    /// (x64), adding an object's names cost the scan 0.11 µs for 8 names, 0.31 µs for 16 and 0.74 µs for 24; hashing every
    /// name from the first, 0.15, 0.32 and 0.50 µs.
    /// </summary>
    internal const int LinearScanLimit = 16;

    // Index slots when it is built: a power of two at least twice the names it then holds, so the load factor stays <= 1/2.
    private const int InitialSlots = 64;

    // Entries are stored back to back as [length: 2 bytes little-endian][unescaped UTF-8 name].
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _used;
    private int _count;

    // The hash index, once there are more than LinearScanLimit names: slot i is _index[2i] = the name's hash and
    // _index[2i + 1] = its entry's offset in _buffer plus one (0: the slot is empty). Linear probing over _slotMask + 1
    // slots; a hash match is only a candidate, the name's bytes decide.
    private int[]? _index;
    private int _slotMask;
    private int _probes;

    /// <summary>Creates a set that stores names in <paramref name="buffer"/> until it is full.</summary>
    public JwtMemberNameSet(Span<byte> buffer)
    {
        _buffer = buffer;
        _rented = null;
        _used = 0;
        _count = 0;
        _index = null;
        _slotMask = 0;
        _probes = 0;
    }

    /// <summary>
    /// The work done so far, in steps of constant cost: every stored name a new name was compared with during the linear
    /// scan, every occupied index slot a look-up passed, and every name placed in the index when it was built or grew.
    /// Tests bound it to prove the set's cost linear in the names added.
    /// </summary>
    internal readonly int Probes => _probes;

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

        if (_count < LinearScanLimit)
        {
            if (ContainsByScan(name))
            {
                return false;
            }
        }
        else
        {
            if (_index is null)
            {
                BuildIndex();
            }
            else if (2 * (_count + 1) > _slotMask + 1)
            {
                GrowIndex();
            }

            if (!TryIndex(Hash(name), name, _used))
            {
                return false;
            }
        }

        _buffer[_used] = (byte)length;
        _buffer[_used + 1] = (byte)(length >> 8);
        _used += 2 + length;
        _count++;
        return true;
    }

    /// <summary>Returns the rented buffers, if any were needed.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }

        if (_index is not null)
        {
            ArrayPool<int>.Shared.Return(_index);
            _index = null;
        }
    }

    private static int CopyPlain(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = default(HashCode);
        hash.AddBytes(name);
        return hash.ToHashCode();
    }

    private readonly ReadOnlySpan<byte> EntryAt(int offset) =>
        _buffer.Slice(offset + 2, _buffer[offset] | (_buffer[offset + 1] << 8));

    private bool ContainsByScan(ReadOnlySpan<byte> name)
    {
        int position = 0;
        while (position < _used)
        {
            _probes++;
            ReadOnlySpan<byte> existing = EntryAt(position);
            if (existing.SequenceEqual(name))
            {
                return true;
            }

            position += 2 + existing.Length;
        }

        return false;
    }

    // Finds the name's slot: false if the name is already there, otherwise records the entry at `offset` in the empty
    // slot the probe ended on. The caller keeps the load factor <= 1/2, so an empty slot is always reached.
    private bool TryIndex(int hash, ReadOnlySpan<byte> name, int offset)
    {
        int[] index = _index!;
        int slot = hash & _slotMask;
        while (index[2 * slot + 1] != 0)
        {
            _probes++;
            if (index[2 * slot] == hash && EntryAt(index[2 * slot + 1] - 1).SequenceEqual(name))
            {
                return false;
            }

            slot = (slot + 1) & _slotMask;
        }

        index[2 * slot] = hash;
        index[2 * slot + 1] = offset + 1;
        return true;
    }

    // Places an entry known to be distinct from every other in the index: the first empty slot from its hash.
    private void Place(int[] index, int hash, int offsetPlusOne)
    {
        _probes++;
        int slot = hash & _slotMask;
        while (index[2 * slot + 1] != 0)
        {
            slot = (slot + 1) & _slotMask;
        }

        index[2 * slot] = hash;
        index[2 * slot + 1] = offsetPlusOne;
    }

    private void BuildIndex()
    {
        _index = RentIndex(InitialSlots);
        _slotMask = InitialSlots - 1;
        int position = 0;
        while (position < _used)
        {
            ReadOnlySpan<byte> existing = EntryAt(position);
            Place(_index, Hash(existing), position + 1);
            position += 2 + existing.Length;
        }
    }

    // Doubles the slots; the stored hashes place the names again without reading them.
    private void GrowIndex()
    {
        int[] old = _index!;
        int oldSlots = _slotMask + 1;
        int slots = checked(oldSlots * 2);
        int[] index = RentIndex(slots);
        _slotMask = slots - 1;
        for (int slot = 0; slot < oldSlots; slot++)
        {
            if (old[2 * slot + 1] != 0)
            {
                Place(index, old[2 * slot], old[2 * slot + 1]);
            }
        }

        _index = index;
        ArrayPool<int>.Shared.Return(old);
    }

    // A rented array may hold an earlier user's values: the slots in use are cleared (an empty slot is offset 0).
    private static int[] RentIndex(int slots)
    {
        int[] index = ArrayPool<int>.Shared.Rent(2 * slots);
        Array.Clear(index, 0, 2 * slots);
        return index;
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
