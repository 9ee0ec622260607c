using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedJwt;

/// <summary>
/// A <see cref="IJwtRevocationStore"/> in this process's memory: for one instance, for development and for tests. Every
/// operation completes synchronously and allocates nothing to check a token; <see cref="TryMarkUsedAsync"/> is atomic
/// within the process. Bounded: at most <see cref="MaxEntries"/> entries. Entries are never dropped before the instant
/// they were stored for (that would bring a revoked token back), so when the store is full of live entries a write
/// throws <see cref="InvalidOperationException"/> rather than forget one; expired entries are swept out on writes, on
/// the clock given (a <c>FakeTimeProvider</c> in tests). Instances behind a load balancer need a shared store instead
/// (TypedJwt.Redis).
/// </summary>
public sealed class InMemoryJwtRevocationStore : IJwtRevocationStore
{
    /// <summary>The default <see cref="MaxEntries"/>: 100,000 (a few tens of megabytes at most).</summary>
    public const int DefaultMaxEntries = 100_000;

    private static readonly long SweepInterval = TimeSpan.FromMinutes(1).Ticks;

    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<(string Issuer, string TokenId), long> _revokedTokens = new();
    private readonly ConcurrentDictionary<(string Issuer, string TokenId), long> _usedTokens = new();
    private readonly ConcurrentDictionary<(string Issuer, string Subject), Mark> _subjects = new();
    private readonly ConcurrentDictionary<(string Issuer, string SessionId), Mark> _sessions = new();
    private readonly object _sweep = new();
    private int _count;
    private long _nextSweep;

    /// <summary>Creates a store on the system clock with <see cref="DefaultMaxEntries"/>.</summary>
    public InMemoryJwtRevocationStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a store on <paramref name="timeProvider"/> holding at most <paramref name="maxEntries"/> entries.</summary>
    public InMemoryJwtRevocationStore(TimeProvider timeProvider, int maxEntries = DefaultMaxEntries)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        _timeProvider = timeProvider;
        MaxEntries = maxEntries;
        _nextSweep = Now + SweepInterval;
    }

    /// <summary>The most entries the store holds.</summary>
    public int MaxEntries { get; }

    /// <summary>Entries held now, including expired ones not swept yet.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc/>
    public bool CanMarkUsed => true;

    private long Now => _timeProvider.GetUtcNow().UtcTicks;

    /// <inheritdoc/>
    public ValueTask<bool> IsRevokedAsync(JwtRevocationClaims token, CancellationToken cancellationToken)
    {
        long now = Now;
        string issuer = token.Issuer ?? "";
        long? issuedAt = token.IssuedAt?.ToUnixTimeSeconds();
        bool revoked =
            (token.TokenId is { } tokenId && _revokedTokens.TryGetValue((issuer, tokenId), out long until) && until > now)
            || (token.Subject is { } subject && _subjects.TryGetValue((issuer, subject), out Mark mark) && mark.Revokes(issuedAt, now))
            || (token.SessionId is { } sessionId && _sessions.TryGetValue((issuer, sessionId), out Mark session) && session.Revokes(issuedAt, now));
        return new ValueTask<bool>(revoked);
    }

    /// <inheritdoc/>
    public ValueTask RevokeTokenAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(tokenId);
        long now = Now;
        long until = keepUntil.UtcTicks;
        if (until > now)
        {
            BeforeWrite(now);
            Upsert(_revokedTokens, (issuer, tokenId), until, static (until, existing) => Math.Max(until, existing));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RevokeSubjectAsync(string issuer, string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        RevokeIssuedUpTo(_subjects, (issuer, subject), issuedUpTo, keepUntil);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(sessionId);
        RevokeIssuedUpTo(_sessions, (issuer, sessionId), issuedUpTo, keepUntil);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryMarkUsedAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(tokenId);
        long now = Now;
        long until = Math.Max(keepUntil.UtcTicks, now + 1);
        var key = (issuer, tokenId);
        while (true)
        {
            if (_usedTokens.TryGetValue(key, out long existing))
            {
                // An entry past its instant belongs to a token no validator accepts any more; replacing it is the
                // first use of a token that happens to reuse the jti.
                if (existing > now)
                {
                    return new ValueTask<bool>(false);
                }

                if (_usedTokens.TryUpdate(key, until, existing))
                {
                    return new ValueTask<bool>(true);
                }

                continue;
            }

            BeforeWrite(now);
            if (_usedTokens.TryAdd(key, until))
            {
                Interlocked.Increment(ref _count);
                return new ValueTask<bool>(true);
            }
        }
    }

    private void RevokeIssuedUpTo(ConcurrentDictionary<(string, string), Mark> marks, (string, string) key, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil)
    {
        long now = Now;
        var mark = new Mark(issuedUpTo.ToUnixTimeSeconds(), keepUntil.UtcTicks);
        if (mark.Until > now)
        {
            BeforeWrite(now);
            Upsert(marks, key, mark, static (mark, existing) =>
                new Mark(Math.Max(mark.IssuedUpTo, existing.IssuedUpTo), Math.Max(mark.Until, existing.Until)));
        }
    }

    // Adds the entry, or merges it with the one there, and counts an add: the count bounds the store, and
    // ConcurrentDictionary.Count would take every lock of every dictionary on each write.
    private void Upsert<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries, TKey key, TValue value, Func<TValue, TValue, TValue> merge)
        where TKey : notnull
    {
        while (true)
        {
            if (entries.TryGetValue(key, out TValue? existing))
            {
                if (entries.TryUpdate(key, merge(value, existing), existing))
                {
                    return;
                }
            }
            else if (entries.TryAdd(key, value))
            {
                Interlocked.Increment(ref _count);
                return;
            }
        }
    }

    // Sweeps expired entries once a minute of the store's clock, or when the store is full; refuses the write when the
    // store is still full of live entries.
    private void BeforeWrite(long now)
    {
        if (now < Volatile.Read(ref _nextSweep) && Count < MaxEntries)
        {
            return;
        }

        lock (_sweep)
        {
            if (now >= _nextSweep || Count >= MaxEntries)
            {
                Sweep(_revokedTokens, static (until, now) => until <= now, now);
                Sweep(_usedTokens, static (until, now) => until <= now, now);
                Sweep(_subjects, static (mark, now) => mark.Until <= now, now);
                Sweep(_sessions, static (mark, now) => mark.Until <= now, now);
                Volatile.Write(ref _nextSweep, now + SweepInterval);
            }
        }

        if (Count >= MaxEntries)
        {
            throw new InvalidOperationException(
                $"The in-memory revocation store holds {MaxEntries} live entries (MaxEntries) and forgets none early; it cannot take another.");
        }
    }

    private void Sweep<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries, Func<TValue, long, bool> expired, long now)
        where TKey : notnull
    {
        foreach (KeyValuePair<TKey, TValue> entry in entries)
        {
            if (expired(entry.Value, now))
            {
                // Removes only this exact entry: a concurrent writer's newer value stays.
                if (entries.TryRemove(entry))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }

    private readonly record struct Mark(long IssuedUpTo, long Until)
    {
        // A token without iat cannot show it was issued after the mark.
        public bool Revokes(long? issuedAt, long now) => Until > now && (issuedAt is not { } iat || iat <= IssuedUpTo);
    }
}
