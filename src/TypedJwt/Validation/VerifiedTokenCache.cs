using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Threading;

namespace TypedJwt;

/// <summary>
/// The tokens one validation pipeline has fully verified, so that the same token is accepted again without its signature
/// or decryption and without its header being read; what the claims stage needs (the verified payload JSON, the registered
/// claims it found) is kept with it, and the pipeline still runs that stage on every hit.
/// <list type="bullet">
/// <item>Keyed by the whole token. A hash seeded at random per process (<see cref="HashCode"/>) only chooses the slots;
/// the stored token is compared in full, in a time that depends on its length only (<see cref="FixedTimeEquals"/>), so a
/// hash collision is never a match and the time a lookup takes says nothing about another user's token.</item>
/// <item>Bounded: a fixed table of two-way sets, sized once from <see cref="VerifiedTokenCacheOptions.MaxEntries"/>, so under
/// a flood of distinct valid tokens it evicts and never grows; a token is not stored when the bytes would exceed
/// <see cref="VerifiedTokenCacheOptions.MaxBytes"/>, nor when it is longer than <see cref="VerifiedTokenCacheOptions.MaxTokenLength"/>.</item>
/// <item>An entry lives until the token's <c>exp</c> or <see cref="VerifiedTokenCacheOptions.MaxLifetime"/> after it was
/// stored, whichever comes first, and until <see cref="Invalidate"/> (a change of keys).</item>
/// <item>Lock-free: entries are immutable and slots are swapped whole; a lookup allocates nothing.</item>
/// </list>
/// </summary>
internal sealed class VerifiedTokenCache
{
    // What an entry costs besides its two arrays: the entry object and the arrays' headers, roughly.
    private const int EntryOverhead = 128;

    // How many of a token's last bytes choose its slots.
    private const int IndexedSuffixLength = 32;

    private readonly Entry?[] _slots;
    private readonly int _setMask;
    private readonly VerifiedTokenCacheOptions _options;
    private int _generation;
    private long _hits;
    private long _misses;
    private long _evictions;
    private int _entries;
    private long _bytes;

    public VerifiedTokenCache(VerifiedTokenCacheOptions options)
    {
        options.EnsureValid();
        _options = options;
        int sets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, (options.MaxEntries + 1) / 2));
        _slots = new Entry?[sets * 2];
        _setMask = sets - 1;
    }

    public VerifiedTokenCacheStatistics Statistics => new(
        Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _evictions), Volatile.Read(ref _entries), Interlocked.Read(ref _bytes));

    /// <summary>The slots a token may occupy are chosen by this; a token too long to be stored has none.</summary>
    public bool TryHash(ReadOnlySpan<byte> token, out int hash)
    {
        if (token.Length > _options.MaxTokenLength)
        {
            hash = 0;
            return false;
        }

        // The index needs spread, not the whole token: a token ends with its signature or authentication tag, bytes no one
        // can choose for a token that verifies, so its last bytes spread tokens as well as all of them would, for a fraction
        // of the cost. What matches is still decided by comparing the whole token.
        var hasher = default(HashCode);
        hasher.AddBytes(token.Slice(Math.Max(0, token.Length - IndexedSuffixLength)));
        hash = hasher.ToHashCode();
        return true;
    }

    /// <summary>The entry of exactly <paramref name="token"/>, when it is stored, current and not expired at <paramref name="nowTicks"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> token, int hash, long nowTicks, [NotNullWhen(true)] out Entry? entry)
    {
        int set = (hash & _setMask) * 2;
        int generation = Volatile.Read(ref _generation);
        for (int i = set; i < set + 2; i++)
        {
            entry = Volatile.Read(ref _slots[i]);
            if (entry is not null
                && entry.Hash == hash
                && FixedTimeEquals(entry.Token, token))
            {
                if (entry.Generation == generation && nowTicks < entry.ExpiresTicks)
                {
                    Interlocked.Increment(ref _hits);
                    return true;
                }

                break;
            }
        }

        Interlocked.Increment(ref _misses);
        entry = null;
        return false;
    }

    /// <summary>Remembers a token that passed every check, with the verified payload JSON and what the claims stage found in it.</summary>
    public void Add(ReadOnlySpan<byte> token, int hash, ReadOnlySpan<byte> payloadJson, in JwtRegisteredClaims registered, long nowTicks, object? payload = null)
    {
        long expires = nowTicks + _options.MaxLifetime.Ticks;
        if (registered.Expires is { } exp)
        {
            expires = Math.Min(expires, exp.UtcTicks);
        }

        if (expires <= nowTicks)
        {
            return;
        }

        long size = token.Length + payloadJson.Length + EntryOverhead;
        if (Interlocked.Add(ref _bytes, size) > _options.MaxBytes)
        {
            // Full: this token is verified in full each time it comes, rather than the cache growing past its bound.
            Interlocked.Add(ref _bytes, -size);
            return;
        }

        int slot = ChooseSlot((hash & _setMask) * 2, nowTicks, out bool counted);
        if (slot < 0)
        {
            Interlocked.Add(ref _bytes, -size);
            return;
        }

        // One array for both: a first sight pays for one copy and two objects, not three.
        byte[] bytes = GC.AllocateUninitializedArray<byte>(token.Length + payloadJson.Length);
        token.CopyTo(bytes);
        payloadJson.CopyTo(bytes.AsSpan(token.Length));
        var entry = new Entry(bytes, token.Length, hash, expires, Volatile.Read(ref _generation), registered);
        if (payload is not null)
        {
            entry.TrySetPayload(payload);
        }

        Entry? replaced = Interlocked.Exchange(ref _slots[slot], entry);
        if (replaced is null)
        {
            return;
        }

        if (counted)
        {
            // Another thread filled the empty slot first: the entry it counted is the one this one replaced.
            Interlocked.Decrement(ref _entries);
        }

        Interlocked.Add(ref _bytes, -(replaced.Size + EntryOverhead));
        if (replaced.Generation == entry.Generation && replaced.ExpiresTicks > nowTicks)
        {
            Interlocked.Increment(ref _evictions);
        }
    }

    /// <summary>
    /// Whether two byte strings are equal, in a time that depends on their length only, as
    /// <see cref="CryptographicOperations.FixedTimeEquals"/> is. That method is compiled without optimization (so the JIT cannot
    /// add an early exit) and costs about 3.5 ns a byte here: 1.5 µs for a 420-byte token, most of what a hit costs. This one
    /// ORs the XOR of 16-byte vectors into one accumulator and looks at it once at the end, with no branch on the data.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        Vector128<byte> differences = Vector128<byte>.Zero;
        int i = 0;
        for (; i <= left.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            differences |= Vector128.Create(left.Slice(i, Vector128<byte>.Count)) ^ Vector128.Create(right.Slice(i, Vector128<byte>.Count));
        }

        int tail = 0;
        for (; i < left.Length; i++)
        {
            tail |= left[i] ^ right[i];
        }

        return (differences == Vector128<byte>.Zero) & (tail == 0);
    }

    /// <summary>Forgets every token (the keys changed): entries stored before are never hits again, and are replaced as new ones come.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    // A slot whose entry is stale (expired, or from before an invalidation), else an empty one while there is room for one
    // more entry (the table has a power-of-two number of slots, which may be more than MaxEntries), else the entry that
    // expires first. -1 when the set is empty and the cache is full.
    private int ChooseSlot(int set, long nowTicks, out bool counted)
    {
        counted = false;
        Entry? first = Volatile.Read(ref _slots[set]);
        Entry? second = Volatile.Read(ref _slots[set + 1]);
        if (first is not null && IsStale(first, nowTicks))
        {
            return set;
        }

        if (second is not null && IsStale(second, nowTicks))
        {
            return set + 1;
        }

        if (first is null || second is null)
        {
            if (Interlocked.Increment(ref _entries) <= _options.MaxEntries)
            {
                counted = true;
                return first is null ? set : set + 1;
            }

            Interlocked.Decrement(ref _entries);
            if (first is null && second is null)
            {
                return -1;
            }

            return first is null ? set + 1 : set;
        }

        return first.ExpiresTicks <= second.ExpiresTicks ? set : set + 1;
    }

    private bool IsStale(Entry entry, long nowTicks) => entry.ExpiresTicks <= nowTicks || entry.Generation != Volatile.Read(ref _generation);

    /// <summary>One verified token: immutable, shared by every thread that finds it.</summary>
    internal sealed class Entry(byte[] bytes, int tokenLength, int hash, long expiresTicks, int generation, JwtRegisteredClaims registered)
    {
        // The token, then the verified payload JSON.
        private readonly byte[] _bytes = bytes;
        private readonly int _tokenLength = tokenLength;

        public ReadOnlySpan<byte> Token => _bytes.AsSpan(0, _tokenLength);

        public ReadOnlySpan<byte> Payload => _bytes.AsSpan(_tokenLength);

        public int Size => _bytes.Length;

        public int Hash { get; } = hash;

        public long ExpiresTicks { get; } = expiresTicks;

        public int Generation { get; } = generation;

        // The registered claims the full check found; their times are checked against the clock again on every hit.
        public JwtRegisteredClaims Registered { get; } = registered;

        private object? _payload;

        /// <summary>
        /// The typed payload read from <see cref="Payload"/> and accepted, when its type is immutable (so one instance serves
        /// every caller); set once, by the first read, and null until then or for mutable types.
        /// </summary>
        public object? TypedPayload => Volatile.Read(ref _payload);

        public void TrySetPayload(object payload) => Interlocked.CompareExchange(ref _payload, payload, null);
    }
}
