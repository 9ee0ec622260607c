using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.Redis;

namespace TypedJwt.AspNetCore.Tests.Revocation;

/// <summary>
/// One behaviour suite for every <see cref="IJwtRevocationStore"/>: in memory, on IDistributedCache (Microsoft's RedisCache
/// on a real redis-server) and on Redis directly. The concrete classes at the end pick the store; each test gets a fresh
/// key prefix, so they share one server.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    protected const string Issuer = "https://issuer.example";
    protected static readonly TimeSpan Leeway = TimeSpan.FromSeconds(30);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));

    protected IJwtRevocationStore Store { get; private set; } = null!;

    protected abstract IJwtRevocationStore CreateStore(FakeTimeProvider clock);

    public virtual Task InitializeAsync()
    {
        Store = CreateStore(Clock);
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected JwtRevocationClaims Token(string jti, string sub = "alice", string? sid = null, DateTimeOffset? iat = null, TimeSpan? lifetime = null, bool withIat = true)
    {
        DateTimeOffset issued = WholeSeconds(iat ?? Clock.GetUtcNow());
        return new JwtRevocationClaims
        {
            Issuer = Issuer,
            TokenId = jti,
            Subject = sub,
            SessionId = sid,
            IssuedAt = withIat ? issued : null,
            ExpiresAt = issued + (lifetime ?? TimeSpan.FromMinutes(5)),
        };
    }

    protected static DateTimeOffset KeepUntil(JwtRevocationClaims token) => token.ExpiresAt!.Value + Leeway;

    protected static DateTimeOffset WholeSeconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private ValueTask<bool> IsRevoked(JwtRevocationClaims token) => Store.IsRevokedAsync(token, CancellationToken.None);

    [Fact]
    public async Task A_token_revoked_by_iss_and_jti_is_revoked_and_no_other_is()
    {
        JwtRevocationClaims token = Token("t-1");
        Assert.False(await IsRevoked(token));

        await Store.RevokeTokenAsync(Issuer, "t-1", KeepUntil(token), default);

        Assert.True(await IsRevoked(token));
        Assert.False(await IsRevoked(Token("t-2")));
        Assert.False(await IsRevoked(token with { Issuer = "https://other.example" }));
        // The same jti under an issuer whose name ends where the other's key goes on is another token.
        Assert.False(await IsRevoked(token with { Issuer = Issuer + ":t", TokenId = "1" }));
    }

    [Fact]
    public async Task Revoking_a_subject_revokes_what_was_issued_up_to_that_second_and_nothing_later()
    {
        DateTimeOffset now = Clock.GetUtcNow();
        JwtRevocationClaims earlier = Token("a", iat: now.AddMinutes(-3));
        JwtRevocationClaims sameSecond = Token("b", iat: now);
        JwtRevocationClaims noIat = Token("c", withIat: false);
        JwtRevocationClaims otherSubject = Token("d", sub: "bob", iat: now.AddMinutes(-3));

        await Store.RevokeSubjectAsync(Issuer, "alice", now, now + TimeSpan.FromDays(1), default);

        Assert.True(await IsRevoked(earlier));
        Assert.True(await IsRevoked(sameSecond));
        Assert.True(await IsRevoked(noIat));      // cannot show it is newer
        Assert.False(await IsRevoked(otherSubject));
        Assert.False(await IsRevoked(Token("e", iat: now.AddSeconds(1))));
    }

    [Fact]
    public async Task Revoking_a_session_revokes_only_that_session()
    {
        DateTimeOffset now = Clock.GetUtcNow();
        await Store.RevokeSessionAsync(Issuer, "s-1", now, now + TimeSpan.FromDays(1), default);

        Assert.True(await IsRevoked(Token("a", sid: "s-1", iat: now)));
        Assert.False(await IsRevoked(Token("b", sid: "s-2", iat: now)));
        Assert.False(await IsRevoked(Token("c", sid: "s-1", iat: now.AddSeconds(1))));
    }

    [Fact]
    public async Task An_earlier_instant_never_lowers_a_later_one()
    {
        DateTimeOffset now = Clock.GetUtcNow();
        await Store.RevokeSubjectAsync(Issuer, "alice", now, now + TimeSpan.FromDays(1), default);
        await Store.RevokeSubjectAsync(Issuer, "alice", now.AddMinutes(-10), now + TimeSpan.FromDays(1), default);

        Assert.True(await IsRevoked(Token("a", iat: now.AddMinutes(-1))));
    }

    [Fact]
    public async Task A_revocation_lasts_until_exp_plus_leeway_by_the_store_clock_and_ends_then()
    {
        JwtRevocationClaims token = Token("t-1", lifetime: TimeSpan.FromMinutes(5));
        await Store.RevokeTokenAsync(Issuer, "t-1", KeepUntil(token), default);

        await AssertLivesUntil(JwtRevocationKeys.Token(Prefix, Issuer, "t-1"), KeepUntil(token), () => IsRevoked(token));
    }

    /// <summary>The entry at <paramref name="key"/> lives until <paramref name="keepUntil"/> by the store's clock, not less.</summary>
    protected abstract Task AssertLivesUntil(string key, DateTimeOffset keepUntil, Func<ValueTask<bool>> present);

    protected virtual string Prefix => JwtRevocationKeys.DefaultPrefix;
}

/// <summary>The stores that mark one-time tokens used, atomically.</summary>
public abstract class MarkUsedContractTests : StoreContractTests
{
    [Fact]
    public async Task The_first_mark_wins_and_every_later_one_loses()
    {
        JwtRevocationClaims token = Token("once");
        Assert.True(Store.CanMarkUsed);

        Assert.True(await Store.TryMarkUsedAsync(Issuer, "once", KeepUntil(token), default));
        Assert.False(await Store.TryMarkUsedAsync(Issuer, "once", KeepUntil(token), default));
        Assert.True(await Store.TryMarkUsedAsync(Issuer, "another", KeepUntil(token), default));
    }

    [Fact]
    public async Task Under_concurrent_marks_exactly_one_wins()
    {
        const int Tokens = 20;
        const int Racers = 16;
        for (int t = 0; t < Tokens; t++)
        {
            string jti = "race-" + t;
            DateTimeOffset keepUntil = KeepUntil(Token(jti));
            // Every racer waits on one gate, without holding a thread, and all run when it opens.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<bool>[] racers = [.. Enumerable.Range(0, Racers).Select(_ => Task.Run(async () =>
            {
                await gate.Task;
                return await Store.TryMarkUsedAsync(Issuer, jti, keepUntil, default);
            }))];
            gate.SetResult();

            bool[] won = await Task.WhenAll(racers).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, won.Count(w => w));
        }
    }

    [Fact]
    public async Task A_used_mark_lasts_until_exp_plus_leeway()
    {
        JwtRevocationClaims token = Token("once", lifetime: TimeSpan.FromMinutes(2));
        Assert.True(await Store.TryMarkUsedAsync(Issuer, "once", KeepUntil(token), default));

        await AssertLivesUntil(JwtRevocationKeys.Used(Prefix, Issuer, "once"), KeepUntil(token),
            async () => !await Store.TryMarkUsedAsync(Issuer, "once", KeepUntil(token), default));
    }
}

public sealed class InMemoryStoreContractTests : MarkUsedContractTests
{
    private InMemoryJwtRevocationStore Memory => (InMemoryJwtRevocationStore)Store;

    protected override IJwtRevocationStore CreateStore(FakeTimeProvider clock) => new InMemoryJwtRevocationStore(clock, maxEntries: 1000);

    // The store's clock is the one the test drives: present one tick before the instant, gone at it.
    protected override async Task AssertLivesUntil(string key, DateTimeOffset keepUntil, Func<ValueTask<bool>> present)
    {
        Clock.SetUtcNow(keepUntil.AddTicks(-1));
        Assert.True(await present());
        Clock.SetUtcNow(keepUntil);
        Assert.False(await present());
    }

    [Fact]
    public async Task Expired_entries_are_swept_out_and_live_ones_are_never_dropped_to_make_room()
    {
        var store = new InMemoryJwtRevocationStore(Clock, maxEntries: 10);
        DateTimeOffset soon = Clock.GetUtcNow().AddMinutes(5);
        for (int i = 0; i < 10; i++)
        {
            await store.RevokeTokenAsync(Issuer, "t-" + i, soon, default);
        }

        // Full of live entries: a new one is refused rather than an old one forgotten.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RevokeTokenAsync(Issuer, "t-10", soon, default).AsTask());
        Assert.True(await store.IsRevokedAsync(Token("t-0"), default));

        Clock.SetUtcNow(soon);
        await store.RevokeTokenAsync(Issuer, "t-10", soon.AddMinutes(5), default);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Revoking_a_token_already_past_its_instant_stores_nothing()
    {
        Assert.True(Store.RevokeTokenAsync(Issuer, "old", Clock.GetUtcNow(), default).IsCompletedSuccessfully);
        Assert.Equal(0, Memory.Count);
    }
}

/// <summary>A redis-server for the Redis-backed store suites.</summary>
public sealed class StoreRedis : IAsyncLifetime
{
    public RedisServer Server { get; } = new();

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Connection = await ConnectionMultiplexer.ConnectAsync(Server.Configuration);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// Checks the key's time to live in Redis against the store's clock: Redis expires it by its own clock, so the TTL it
    /// reports must be the instant minus the store's now (within what the round trip takes), never less.
    /// </summary>
    public async Task AssertTimeToLive(string key, DateTimeOffset keepUntil, FakeTimeProvider clock)
    {
        TimeSpan expected = keepUntil - clock.GetUtcNow();
        TimeSpan? ttl = await Connection.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, expected - TimeSpan.FromSeconds(2), expected + TimeSpan.FromMilliseconds(1));
    }
}

public sealed class RedisStoreContractTests(StoreRedis redis) : MarkUsedContractTests, IClassFixture<StoreRedis>
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";

    protected override string Prefix => _prefix;

    protected override IJwtRevocationStore CreateStore(FakeTimeProvider clock) => new RedisJwtRevocationStore(redis.Connection, clock, _prefix);

    protected override async Task AssertLivesUntil(string key, DateTimeOffset keepUntil, Func<ValueTask<bool>> present)
    {
        Assert.True(await present());
        await redis.AssertTimeToLive(key, keepUntil, Clock);

        // The time to live follows the store's clock: the same instant, written 100 s later by that clock, lives 100 s less.
        Clock.Advance(TimeSpan.FromSeconds(100));
        await Store.RevokeTokenAsync(Issuer, "later", keepUntil, default);
        await redis.AssertTimeToLive(JwtRevocationKeys.Token(Prefix, Issuer, "later"), keepUntil, Clock);
    }

    [Fact]
    public async Task A_subject_mark_lives_as_long_as_asked_and_a_lower_instant_does_not_shorten_it()
    {
        DateTimeOffset now = Clock.GetUtcNow();
        string key = JwtRevocationKeys.Subject(Prefix, Issuer, "alice");
        await Store.RevokeSubjectAsync(Issuer, "alice", now, now + TimeSpan.FromDays(1), default);
        await Store.RevokeSubjectAsync(Issuer, "alice", now.AddMinutes(-1), now + TimeSpan.FromHours(1), default);

        await redis.AssertTimeToLive(key, now + TimeSpan.FromDays(1), Clock);
        Assert.Equal(now.ToUnixTimeSeconds(), (long)await redis.Connection.GetDatabase().StringGetAsync(key));
    }
}

public sealed class DistributedCacheStoreContractTests(StoreRedis redis) : StoreContractTests, IClassFixture<StoreRedis>
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";
    private RedisCache? _cache;

    protected override string Prefix => _prefix;

    protected override IJwtRevocationStore CreateStore(FakeTimeProvider clock)
    {
        _cache = new RedisCache(new RedisCacheOptions { Configuration = redis.Server.Configuration, InstanceName = "cache:" });
        return new DistributedCacheJwtRevocationStore(_cache, clock, _prefix);
    }

    public override Task DisposeAsync()
    {
        _cache?.Dispose();
        return Task.CompletedTask;
    }

    // RedisCache keeps each entry in a hash under its InstanceName, and expires it with the time to live it was given.
    protected override async Task AssertLivesUntil(string key, DateTimeOffset keepUntil, Func<ValueTask<bool>> present)
    {
        Assert.True(await present());
        await redis.AssertTimeToLive("cache:" + key, keepUntil, Clock);
    }

    [Fact]
    public async Task It_says_it_cannot_mark_used_and_refuses_to()
    {
        Assert.False(Store.CanMarkUsed);
        await Assert.ThrowsAsync<NotSupportedException>(() => Store.TryMarkUsedAsync(Issuer, "once", Clock.GetUtcNow().AddMinutes(1), default).AsTask());
    }
}
