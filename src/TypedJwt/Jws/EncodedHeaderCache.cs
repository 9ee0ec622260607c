using System;
using System.Threading;

namespace TypedJwt;

/// <summary>
/// The base64url-encoded JWS Protected Header a key writes for tokens without a typed header, per <c>typ</c>. That header
/// (<c>{"alg","typ","kid"}</c>) depends only on the key and the payload type, so it is serialized and encoded once rather
/// than for every token. Thread-safe without locks: readers see an immutable entry array; writers publish a copy.
/// At most <see cref="MaxEntries"/> payload types are remembered per key; beyond that the header is written afresh
/// every time (still allocation-free), so a key used with many payload types cannot grow without bound.
/// </summary>
internal sealed class EncodedHeaderCache
{
    private const int MaxEntries = 8;

    private Entry[] _entries = [];

    /// <summary>Finds the encoded header for a payload type's <c>typ</c> (null: the default <c>JWT</c>).</summary>
    public bool TryGet(string? type, out ReadOnlySpan<byte> encodedHeader)
    {
        foreach (Entry entry in Volatile.Read(ref _entries))
        {
            if (string.Equals(entry.Type, type, StringComparison.Ordinal))
            {
                encodedHeader = entry.EncodedHeader;
                return true;
            }
        }

        encodedHeader = default;
        return false;
    }

    /// <summary>Remembers an encoded header; a no-op when the cache is full or another thread added the same type first.</summary>
    public void Add(string? type, ReadOnlySpan<byte> encodedHeader)
    {
        var added = new Entry(type, encodedHeader.ToArray());
        while (true)
        {
            Entry[] current = Volatile.Read(ref _entries);
            if (current.Length >= MaxEntries || TryGet(type, out _))
            {
                return;
            }

            Entry[] next = [.. current, added];
            if (Interlocked.CompareExchange(ref _entries, next, current) == current)
            {
                return;
            }
        }
    }

    private sealed record Entry(string? Type, byte[] EncodedHeader);
}
