using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The <c>TypedJwt</c> meter's instruments, one instance per service provider (made by its <see cref="IMeterFactory"/>
/// when it has one): the validation counter the handler records into, and observable counters that read the verified-token
/// cache's and the revocation hook's own counters of every resolved scheme when a listener collects.
/// </summary>
internal sealed class BearerMetrics : IDisposable
{
    private const string SchemeTag = "typedjwt.scheme";
    private readonly Meter _meter;
    private readonly Counter<long> _validations;
    private readonly Counter<long> _keyFetches;
    private readonly ConcurrentDictionary<string, ResolvedBearer> _schemes = new(StringComparer.Ordinal);

    public BearerMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(TypedJwtTelemetry.Name) ?? new Meter(TypedJwtTelemetry.Name);
        _validations = _meter.CreateCounter<long>(TypedJwtTelemetry.ValidationsInstrument, "{token}", "Bearer tokens validated, by scheme and result.");
        _keyFetches = _meter.CreateCounter<long>("typedjwt.keys.fetches", "{fetch}", "Fetches of an identity provider's keys (discovery and JWK Set), by authority and result.");
        _meter.CreateObservableCounter("typedjwt.cache.hits", () => Observe(s => s.CacheStatistics?.Hits), "{token}", "Verified-token cache hits: tokens accepted again without their signature check.");
        _meter.CreateObservableCounter("typedjwt.cache.misses", () => Observe(s => s.CacheStatistics?.Misses), "{token}", "Verified-token cache misses: tokens verified in full.");
        _meter.CreateObservableCounter("typedjwt.cache.evictions", () => Observe(s => s.CacheStatistics?.Evictions), "{token}", "Verified-token cache entries evicted for room.");
        _meter.CreateObservableUpDownCounter("typedjwt.cache.entries", () => Observe(s => s.CacheStatistics?.Entries), "{token}", "Tokens in the verified-token cache.");
        _meter.CreateObservableCounter("typedjwt.revocation.checks", () => Observe(s => s.Revocation?.Statistics.Checks), "{token}", "Tokens checked against the revocation store.");
        _meter.CreateObservableCounter("typedjwt.revocation.refused", () => Observe(s => s.Revocation is { } r ? r.Statistics.Revoked + r.Statistics.Replayed : null), "{token}", "Tokens refused as revoked or as one-time tokens used again.");
        _meter.CreateObservableCounter("typedjwt.revocation.store_failures", () => Observe(s => s.Revocation?.Statistics.StoreFailures), "{failure}", "Revocation store calls that failed or timed out.");
    }

    /// <summary>Adds a scheme's resolved state to what the observable instruments read (again after a reload).</summary>
    public void Track(string scheme, ResolvedBearer resolved) => _schemes[scheme] = resolved;

    public void Succeeded(string scheme)
    {
        if (_validations.Enabled)
        {
            _validations.Add(1, new KeyValuePair<string, object?>(SchemeTag, scheme), new KeyValuePair<string, object?>("typedjwt.result", "success"));
        }
    }

    public void Failed(string scheme, JwtErrorCode code)
    {
        if (_validations.Enabled)
        {
            _validations.Add(
                1,
                new KeyValuePair<string, object?>(SchemeTag, scheme),
                new KeyValuePair<string, object?>("typedjwt.result", "failure"),
                new KeyValuePair<string, object?>("error.code", ErrorCodeNames.Of(code)));
        }
    }

    /// <summary>Counts one fetch of a remote key source.</summary>
    public void KeysFetched(string authority, bool succeeded)
    {
        if (_keyFetches.Enabled)
        {
            _keyFetches.Add(1, new KeyValuePair<string, object?>("typedjwt.authority", authority), new KeyValuePair<string, object?>("typedjwt.result", succeeded ? "success" : "failure"));
        }
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Observe(Func<ResolvedBearer, long?> read)
    {
        foreach ((string scheme, ResolvedBearer resolved) in _schemes)
        {
            if (read(resolved) is { } value)
            {
                yield return new Measurement<long>(value, new KeyValuePair<string, object?>(SchemeTag, scheme));
            }
        }
    }
}
