using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace TypedJwt;

/// <summary>
/// JWS Protected Headers a token reader has already read from tokens whose signature it verified, keyed by the encoded
/// header segment. A service sees the same few headers (one per issuing key and token type) on every token, and reading
/// a header is a pure function of its bytes and the reader's fixed policy and key set, so a byte-identical segment can
/// skip the base64url decode, the JSON pass and the <c>kid</c> lookup. Only headers of tokens signed by one of the
/// reader's keys are remembered, so forged tokens can neither fill the cache nor make validation allocate.
/// A fixed number of slots, replaced in turn; thread-safe without locks (entries are immutable, slots swap whole).
/// </summary>
internal sealed class AcceptedHeaderCache
{
    private const int Slots = 4;

    private readonly Entry?[] _entries = new Entry?[Slots];
    private int _next;

    /// <summary>The entry for <paramref name="encodedHeader"/> whose key was selected from <paramref name="keys"/>, the current snapshot: an entry of an earlier snapshot is a miss.</summary>
    public bool TryGet(ReadOnlySpan<byte> encodedHeader, JwtKeySet keys, [NotNullWhen(true)] out Entry? entry)
    {
        for (int i = 0; i < Slots; i++)
        {
            entry = Volatile.Read(ref _entries[i]);
            if (entry is not null && ReferenceEquals(entry.Keys, keys) && encodedHeader.SequenceEqual(entry.EncodedHeader))
            {
                return true;
            }
        }

        entry = null;
        return false;
    }

    public void Add(ReadOnlySpan<byte> encodedHeader, ReadOnlySpan<byte> decodedHeader, JwsHeader parameters, JwtKeySet keys, JwtSigningKey key)
    {
        var entry = new Entry(encodedHeader.ToArray(), decodedHeader.ToArray(), parameters, keys, key);
        int slot = (int)((uint)Interlocked.Increment(ref _next) % Slots);
        Volatile.Write(ref _entries[slot], entry);
    }

    /// <summary>What reading one header produced: its JSON (for a typed header's read), its parameters, and the key it selected.</summary>
    internal sealed class Entry(byte[] encodedHeader, byte[] decodedHeader, JwsHeader parameters, JwtKeySet keys, JwtSigningKey key)
    {
        public byte[] EncodedHeader { get; } = encodedHeader;

        public byte[] DecodedHeader { get; } = decodedHeader;

        public JwsHeader Parameters { get; } = parameters;

        /// <summary>The key set snapshot <see cref="Key"/> was selected from.</summary>
        public JwtKeySet Keys { get; } = keys;

        public JwtSigningKey Key { get; } = key;
    }
}
