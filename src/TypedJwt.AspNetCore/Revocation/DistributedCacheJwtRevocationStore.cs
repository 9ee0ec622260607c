using System;
using System.Buffers.Binary;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace TypedJwt.AspNetCore;

/// <summary>
/// A <see cref="IJwtRevocationStore"/> on any <see cref="IDistributedCache"/>: with Microsoft.Extensions.Caching.StackExchangeRedis
/// the fleet shares its revocations through Redis; SQL Server, PostgreSQL or any other distributed cache works the same.
/// Revocation only: <see cref="IDistributedCache"/> has no set-if-absent, so it cannot mark a one-time token used
/// atomically (<see cref="CanMarkUsed"/> is false; use TypedJwt.Redis's store, which does it with <c>SET NX PX</c>).
/// A check is up to three reads (<c>jti</c>, <c>sub</c>, <c>sid</c>), started together. Raising a subject's instant is a
/// read then a write, so two concurrent "log out everywhere" of one subject may keep the earlier instant (by at most the
/// time between them). Entries expire through the cache, relative to this store's clock.
/// </summary>
public sealed class DistributedCacheJwtRevocationStore : IJwtRevocationStore
{
    private static readonly byte[] Present = [1];
    private readonly IDistributedCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly string _prefix;

    /// <summary>Creates the store on <paramref name="cache"/>, with keys starting with <paramref name="keyPrefix"/>.</summary>
    public DistributedCacheJwtRevocationStore(IDistributedCache cache, TimeProvider? timeProvider = null, string keyPrefix = JwtRevocationKeys.DefaultPrefix)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _prefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
    }

    /// <inheritdoc/>
    public bool CanMarkUsed => false;

    /// <inheritdoc/>
    public async ValueTask<bool> IsRevokedAsync(JwtRevocationClaims token, CancellationToken cancellationToken)
    {
        string issuer = token.Issuer ?? "";
        Task<byte[]?>? byId = token.TokenId is { } jti ? _cache.GetAsync(JwtRevocationKeys.Token(_prefix, issuer, jti), cancellationToken) : null;
        Task<byte[]?>? bySubject = token.Subject is { } sub ? _cache.GetAsync(JwtRevocationKeys.Subject(_prefix, issuer, sub), cancellationToken) : null;
        Task<byte[]?>? bySession = token.SessionId is { } sid ? _cache.GetAsync(JwtRevocationKeys.Session(_prefix, issuer, sid), cancellationToken) : null;
        long? issuedAt = token.IssuedAt?.ToUnixTimeSeconds();
        return (byId is not null && await byId.ConfigureAwait(false) is not null)
            | (bySubject is not null && Revokes(await bySubject.ConfigureAwait(false), issuedAt))
            | (bySession is not null && Revokes(await bySession.ConfigureAwait(false), issuedAt));
    }

    /// <inheritdoc/>
    public ValueTask RevokeTokenAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(tokenId);
        return Lifetime(keepUntil) is { } lifetime
            ? new ValueTask(_cache.SetAsync(JwtRevocationKeys.Token(_prefix, issuer, tokenId), Present, Expiring(lifetime), cancellationToken))
            : ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RevokeSubjectAsync(string issuer, string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
        RaiseAsync(JwtRevocationKeys.Subject(_prefix, issuer, subject), issuedUpTo, keepUntil, cancellationToken);

    /// <inheritdoc/>
    public ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
        RaiseAsync(JwtRevocationKeys.Session(_prefix, issuer, sessionId), issuedUpTo, keepUntil, cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">Always: see <see cref="CanMarkUsed"/>.</exception>
    public ValueTask<bool> TryMarkUsedAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            "IDistributedCache has no set-if-absent, so a one-time token cannot be marked used atomically across instances; use TypedJwt.Redis's RedisJwtRevocationStore.");

    private async ValueTask RaiseAsync(string key, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        if (Lifetime(keepUntil) is not { } lifetime)
        {
            return;
        }

        long upTo = issuedUpTo.ToUnixTimeSeconds();
        byte[]? existing = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing is { Length: 8 } && BinaryPrimitives.ReadInt64BigEndian(existing) >= upTo)
        {
            return;
        }

        byte[] value = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(value, upTo);
        await _cache.SetAsync(key, value, Expiring(lifetime), cancellationToken).ConfigureAwait(false);
    }

    // A token without iat cannot show it was issued after the instant.
    private static bool Revokes(byte[]? mark, long? issuedAt) =>
        mark is { Length: 8 } && (issuedAt is not { } iat || iat <= BinaryPrimitives.ReadInt64BigEndian(mark));

    // Relative to this store's clock, never an absolute instant: the cache compares those with its own clock.
    private TimeSpan? Lifetime(DateTimeOffset keepUntil)
    {
        TimeSpan lifetime = keepUntil - _timeProvider.GetUtcNow();
        return lifetime > TimeSpan.Zero ? lifetime : null;
    }

    private static DistributedCacheEntryOptions Expiring(TimeSpan lifetime) => new() { AbsoluteExpirationRelativeToNow = lifetime };
}
