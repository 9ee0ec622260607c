using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace TypedJwt.Redis;

/// <summary>
/// A <see cref="IJwtRevocationStore"/> on Redis through StackExchange.Redis, for a fleet: every instance that shares the
/// Redis (and the key prefix) sees every revocation, and a one-time token is marked used with one atomic
/// <c>SET key 1 NX PX ttl</c>, so exactly one request in the whole fleet gets it. A check is one round trip
/// (<c>MGET</c> of the token's <c>jti</c>, <c>sub</c> and <c>sid</c> keys); raising a subject's or session's instant is one
/// Lua script (keeps the later instant and the longer life). Every entry is written with a relative time to live
/// (<c>PX</c>) of its instant minus this store's clock, rounded up to the millisecond, so it never expires early by
/// that clock; Redis then expires it by itself.
/// Keys: <see cref="JwtRevocationKeys"/>. StackExchange.Redis reconnects by itself; while it is disconnected commands
/// wait in its backlog and fail after its own timeout, and the bearer scheme's shorter timeout and failure policy
/// decide what a request gets.
/// </summary>
public sealed class RedisJwtRevocationStore : IJwtRevocationStore, IAsyncDisposable, IDisposable
{
    // KEYS[1] the mark; ARGV[1] the instant (Unix seconds), ARGV[2] its time to live (ms). Keeps the later instant, and
    // never shortens the life of the entry that stays.
    private const string RaiseScript = """
        local current = redis.call('GET', KEYS[1])
        if current and tonumber(current) >= tonumber(ARGV[1]) then
          if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    private static readonly RedisValue Present = 1;
    private readonly Task<IConnectionMultiplexer> _connection;
    private readonly bool _ownsConnection;
    private readonly TimeProvider _timeProvider;
    private readonly string _prefix;
    private readonly int _database;

    /// <summary>Creates the store on a connection the application owns (and disposes).</summary>
    public RedisJwtRevocationStore(IConnectionMultiplexer connection, TimeProvider? timeProvider = null, string keyPrefix = JwtRevocationKeys.DefaultPrefix, int database = -1)
        : this(Task.FromResult(connection ?? throw new ArgumentNullException(nameof(connection))), ownsConnection: false, timeProvider, keyPrefix, database)
    {
    }

    private RedisJwtRevocationStore(Task<IConnectionMultiplexer> connection, bool ownsConnection, TimeProvider? timeProvider, string keyPrefix, int database)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _prefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
        _database = database;
    }

    /// <summary>
    /// Creates a store that owns its connection to the Redis named by <paramref name="configuration"/> (a StackExchange.Redis
    /// configuration string, for example <c>127.0.0.1:6379</c>). Returns at once: the connection is made in the background
    /// and retried until Redis answers (<c>abortConnect=false</c>), so a service starts while Redis is down and its checks
    /// work as soon as Redis is back.
    /// </summary>
    public static RedisJwtRevocationStore Connect(string configuration, TimeProvider? timeProvider = null, string keyPrefix = JwtRevocationKeys.DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ConfigurationOptions options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;

        // A store on every request's path: try again every second rather than backing off for long.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "typedjwt-revocation";
        return new RedisJwtRevocationStore(ConnectAsync(options), ownsConnection: true, timeProvider, keyPrefix, options.DefaultDatabase ?? -1);
    }

    /// <inheritdoc/>
    public bool CanMarkUsed => true;

    /// <inheritdoc/>
    public async ValueTask<bool> IsRevokedAsync(JwtRevocationClaims token, CancellationToken cancellationToken)
    {
        string issuer = token.Issuer ?? "";
        int count = (token.TokenId is null ? 0 : 1) + (token.Subject is null ? 0 : 1) + (token.SessionId is null ? 0 : 1);
        if (count == 0)
        {
            return false;
        }

        var keys = new RedisKey[count];
        int at = 0;
        int byId = token.TokenId is { } jti ? Put(keys, ref at, JwtRevocationKeys.Token(_prefix, issuer, jti)) : -1;
        int bySubject = token.Subject is { } sub ? Put(keys, ref at, JwtRevocationKeys.Subject(_prefix, issuer, sub)) : -1;
        int bySession = token.SessionId is { } sid ? Put(keys, ref at, JwtRevocationKeys.Session(_prefix, issuer, sid)) : -1;

        IDatabase database = await DatabaseAsync().ConfigureAwait(false);
        RedisValue[] values = await database.StringGetAsync(keys).ConfigureAwait(false);
        long? issuedAt = token.IssuedAt?.ToUnixTimeSeconds();
        return (byId >= 0 && !values[byId].IsNull)
            || (bySubject >= 0 && Revokes(values[bySubject], issuedAt))
            || (bySession >= 0 && Revokes(values[bySession], issuedAt));
    }

    /// <inheritdoc/>
    public async ValueTask RevokeTokenAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(tokenId);
        if (TimeToLive(keepUntil) is { } ttl)
        {
            IDatabase database = await DatabaseAsync().ConfigureAwait(false);
            await database.StringSetAsync(JwtRevocationKeys.Token(_prefix, issuer, tokenId), Present, ttl).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask RevokeSubjectAsync(string issuer, string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
        RaiseAsync(JwtRevocationKeys.Subject(_prefix, issuer, subject), issuedUpTo, keepUntil);

    /// <inheritdoc/>
    public ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
        RaiseAsync(JwtRevocationKeys.Session(_prefix, issuer, sessionId), issuedUpTo, keepUntil);

    /// <inheritdoc/>
    public async ValueTask<bool> TryMarkUsedAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(tokenId);

        // A token already past its instant is refused by every validator; one millisecond keeps SET's expiry valid.
        TimeSpan ttl = TimeToLive(keepUntil) ?? TimeSpan.FromMilliseconds(1);
        IDatabase database = await DatabaseAsync().ConfigureAwait(false);
        return await database.StringSetAsync(JwtRevocationKeys.Used(_prefix, issuer, tokenId), Present, ttl, When.NotExists).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection && _connection.IsCompletedSuccessfully)
        {
            await _connection.Result.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            Dispose();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_ownsConnection)
        {
            return;
        }

        if (_connection.IsCompletedSuccessfully)
        {
            _connection.Result.Dispose();
        }
        else
        {
            // Still connecting: close the connection once it exists.
            _ = _connection.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private async ValueTask RaiseAsync(string key, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil)
    {
        if (TimeToLive(keepUntil) is { } ttl)
        {
            IDatabase database = await DatabaseAsync().ConfigureAwait(false);
            await database.ScriptEvaluateAsync(
                RaiseScript,
                [key],
                [issuedUpTo.ToUnixTimeSeconds(), (long)Math.Ceiling(ttl.TotalMilliseconds)]).ConfigureAwait(false);
        }
    }

    private ValueTask<IDatabase> DatabaseAsync() =>
        _connection.IsCompletedSuccessfully
            ? new ValueTask<IDatabase>(_connection.Result.GetDatabase(_database))
            : AwaitDatabaseAsync();

    private async ValueTask<IDatabase> AwaitDatabaseAsync() => (await _connection.ConfigureAwait(false)).GetDatabase(_database);

    private static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options) =>
        await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);

    private static int Put(RedisKey[] keys, ref int at, string key)
    {
        keys[at] = key;
        return at++;
    }

    // A token without iat cannot show it was issued after the instant.
    private static bool Revokes(RedisValue mark, long? issuedAt) =>
        !mark.IsNull && long.TryParse((string?)mark, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long upTo)
        && (issuedAt is not { } iat || iat <= upTo);

    // Rounded up to the millisecond: never shorter than the instant minus now.
    private TimeSpan? TimeToLive(DateTimeOffset keepUntil)
    {
        long ticks = keepUntil.UtcTicks - _timeProvider.GetUtcNow().UtcTicks;
        return ticks > 0 ? TimeSpan.FromMilliseconds((ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond) : null;
    }
}
