using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace TypedJwt.AspNetCore;

/// <summary>
/// An identity provider's signing keys, fetched from its JWK Set (directly, or through its discovery document) and kept as
/// an immutable snapshot that the validate path reads without locks or allocation. The refresh policy:
/// <list type="bullet">
/// <item>one fetch at a time (single flight); requests never wait for it: they are judged by the snapshot they read;</item>
/// <item>a scheduled refresh after <c>Cache-Control: max-age</c>, bounded to [<c>RefreshInterval</c>, <c>AutomaticRefreshInterval</c>]
/// (<c>AutomaticRefreshInterval</c> without max-age), started by the first request after it is due;</item>
/// <item>a token whose <c>kid</c> is unknown starts at most one refetch per <c>RefreshInterval</c>, whatever the number of such tokens;</item>
/// <item>last known good: a failed fetch (no answer, non-2xx, timeout, a body over 512 KiB, an invalid or empty JWK Set, a
/// discovery document naming another issuer) keeps the previous keys and is retried after <c>RefreshInterval</c>
/// (30 seconds at most while no keys are held at all);</item>
/// <item>maximum staleness: keys not refreshed for <c>MaxKeyStaleness</c> are no longer used (<see cref="JwtErrorCode.KeysUnavailable"/>).</item>
/// </list>
/// </summary>
internal sealed partial class RemoteJwtKeySource : JwtKeySource
{
    /// <summary>The name of the <see cref="HttpClient"/> the keys are fetched with (<c>IHttpClientFactory</c>), so hosts and tests can configure its handler.</summary>
    public const string HttpClientName = TypedJwtBearerDefaults.MetadataHttpClientName;

    private readonly RemoteKeySourceSettings _settings;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _refreshIntervalTicks;
    private readonly long _maxStalenessTicks;

    private volatile Snapshot? _snapshot;
    private int _fetching;
    private int _staleLogged;
    private long _refreshDue;
    private long _nextUnknownKeyIdFetch;
    private Task _lastFetch = Task.CompletedTask;

    public RemoteJwtKeySource(RemoteKeySourceSettings settings, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger logger)
    {
        _settings = settings;
        _httpClientFactory = httpClientFactory;
        _time = timeProvider;
        _logger = logger;
        _refreshIntervalTicks = settings.RefreshInterval.Ticks;
        _maxStalenessTicks = settings.MaxStaleness.Ticks;
    }

    public RemoteKeySourceSettings Settings => _settings;

    /// <summary>The <c>TypedJwt</c> meter's instruments each fetch is counted by, or null.</summary>
    public BearerMetrics? Metrics { get; init; }

    /// <summary>The fetch started last (completed when none ran); tests await it instead of sleeping.</summary>
    internal Task LastFetch => Volatile.Read(ref _lastFetch);

    /// <summary>How many fetches were started.</summary>
    internal int FetchCount => Volatile.Read(ref _fetchCount);

    private int _fetchCount;

    public override JwtKeySet? CurrentKeys
    {
        get
        {
            Snapshot? snapshot = _snapshot;
            long now = _time.GetUtcNow().UtcTicks;
            if (now >= Volatile.Read(ref _refreshDue))
            {
                TryStartScheduledFetch(now);
            }

            if (snapshot is null)
            {
                return null;
            }

            if (now - snapshot.FetchedAt > _maxStalenessTicks)
            {
                LogStaleOnce(snapshot);
                return null;
            }

            return snapshot.Keys;
        }
    }

    /// <summary>Starts the first fetch (at start-up); requests until it succeeds are refused with <see cref="JwtErrorCode.KeysUnavailable"/>.</summary>
    public void Start() => TryStartScheduledFetch(_time.GetUtcNow().UtcTicks);

    public override void OnKeyNotFound()
    {
        long now = _time.GetUtcNow().UtcTicks;
        if (now < Volatile.Read(ref _nextUnknownKeyIdFetch) || Interlocked.CompareExchange(ref _fetching, 1, 0) != 0)
        {
            // In the cooldown, or a fetch is under way already (it brings the new key if there is one).
            return;
        }

        if (now < Volatile.Read(ref _nextUnknownKeyIdFetch))
        {
            Volatile.Write(ref _fetching, 0);
            return;
        }

        Volatile.Write(ref _nextUnknownKeyIdFetch, now + _refreshIntervalTicks);
        KeySourceLog.UnknownKeyIdRefetch(_logger, _settings.Authority, _settings.RefreshInterval);
        Launch();
    }

    private void TryStartScheduledFetch(long now)
    {
        if (Interlocked.CompareExchange(ref _fetching, 1, 0) != 0)
        {
            return;
        }

        if (now < Volatile.Read(ref _refreshDue))
        {
            Volatile.Write(ref _fetching, 0);
            return;
        }

        Launch();
    }

    // Called holding the single-flight flag; the fetch releases it. The request that got here is not made to wait.
    private void Launch()
    {
        Volatile.Write(ref _refreshDue, long.MaxValue);
        Interlocked.Increment(ref _fetchCount);
        Volatile.Write(ref _lastFetch, Task.Run(FetchAsync));
    }

    private void Succeeded(JwtKeySet keys, TimeSpan? maxAge, Uri jwksUri)
    {
        TimeSpan interval = maxAge is { } age
            ? TimeSpan.FromTicks(Math.Clamp(age.Ticks, _settings.RefreshInterval.Ticks, _settings.AutomaticRefreshInterval.Ticks))
            : _settings.AutomaticRefreshInterval;
        long now = _time.GetUtcNow().UtcTicks;
        _snapshot = new Snapshot(keys, now);
        Volatile.Write(ref _staleLogged, 0);
        Volatile.Write(ref _refreshDue, now + interval.Ticks);
        OnKeysChanged();
        KeySourceLog.KeysFetched(_logger, keys.Keys.Count, _settings.Authority, jwksUri, interval);
    }

    private void Failed(string reason)
    {
        long now = _time.GetUtcNow().UtcTicks;
        Snapshot? snapshot = _snapshot;
        if (snapshot is null)
        {
            KeySourceLog.KeysUnavailable(_logger, _settings.Authority, reason);
            long retry = Math.Min(_refreshIntervalTicks, RemoteKeySourceSettings.NoKeysRetry.Ticks);
            Volatile.Write(ref _refreshDue, now + retry);
        }
        else
        {
            KeySourceLog.KeptLastKnownGood(_logger, _settings.Authority, new DateTimeOffset(snapshot.FetchedAt, TimeSpan.Zero), reason);
            Volatile.Write(ref _refreshDue, now + _refreshIntervalTicks);
        }
    }

    private void LogStaleOnce(Snapshot snapshot)
    {
        if (Interlocked.Exchange(ref _staleLogged, 1) == 0)
        {
            KeySourceLog.KeysTooStale(_logger, _settings.Authority, new DateTimeOffset(snapshot.FetchedAt, TimeSpan.Zero), _settings.MaxStaleness);
        }
    }

    /// <summary>Keys and the instant (UTC ticks) they were fetched; replaced whole, never changed.</summary>
    private sealed class Snapshot(JwtKeySet keys, long fetchedAt)
    {
        public JwtKeySet Keys { get; } = keys;

        public long FetchedAt { get; } = fetchedAt;
    }
}
