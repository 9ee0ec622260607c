using System;
using Microsoft.Extensions.Logging;

namespace TypedJwt.AspNetCore;

/// <summary>The key sources' log events; their IDs (1000–1099) are stable, for alerts.</summary>
internal static partial class KeySourceLog
{
    /// <summary>The category key source events are logged under.</summary>
    public const string Category = "TypedJwt.AspNetCore.KeySource";

    [LoggerMessage(EventId = 1000, EventName = "KeysFetched", Level = LogLevel.Information,
        Message = "Fetched {KeyCount} signing keys of {Authority} from {JwksUri}; next refresh in {NextRefresh}.")]
    public static partial void KeysFetched(ILogger logger, int keyCount, string authority, Uri jwksUri, TimeSpan nextRefresh);

    [LoggerMessage(EventId = 1001, EventName = "KeysUnavailable", Level = LogLevel.Error,
        Message = "The signing keys of {Authority} could not be fetched, and no earlier keys are held: tokens are refused until a fetch succeeds. Reason: {Reason}")]
    public static partial void KeysUnavailable(ILogger logger, string authority, string reason);

    [LoggerMessage(EventId = 1002, EventName = "KeptLastKnownGood", Level = LogLevel.Warning,
        Message = "Refreshing the signing keys of {Authority} failed; the keys fetched at {FetchedAt:O} stay in use. Reason: {Reason}")]
    public static partial void KeptLastKnownGood(ILogger logger, string authority, DateTimeOffset fetchedAt, string reason);

    [LoggerMessage(EventId = 1003, EventName = "KeyIgnored", Level = LogLevel.Warning,
        Message = "A key of {Authority}'s JWK Set is ignored (kid {KeyId}): {Reason}")]
    public static partial void KeyIgnored(ILogger logger, string authority, string? keyId, string reason);

    [LoggerMessage(EventId = 1004, EventName = "UnknownKeyIdRefetch", Level = LogLevel.Information,
        Message = "A token names a key {Authority} has not published; refetching its keys (at most once per {RefreshInterval}).")]
    public static partial void UnknownKeyIdRefetch(ILogger logger, string authority, TimeSpan refreshInterval);

    [LoggerMessage(EventId = 1005, EventName = "KeysTooStale", Level = LogLevel.Error,
        Message = "The signing keys of {Authority} were last fetched at {FetchedAt:O}, longer ago than the maximum staleness {MaxStaleness}: tokens are refused until a fetch succeeds.")]
    public static partial void KeysTooStale(ILogger logger, string authority, DateTimeOffset fetchedAt, TimeSpan maxStaleness);
}
