using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace TypedJwt.AspNetCore;

/// <summary>
/// One scheme's revocation hook, resolved at start-up: the store, the failure policy and timeout, the leeway that decides
/// how long entries live, and the counters. The handler runs <see cref="CheckAsync"/> after the validator accepted a
/// token; <see cref="JwtRevoker"/> writes through <see cref="WriteAsync"/>. A store that throws, faults or does not answer
/// in time is a store failure; nothing here throws into the request.
/// </summary>
internal sealed partial class JwtRevocationCheck
{
    private readonly IJwtRevocationStore _store;
    private readonly ILogger _logger;
    private long _checks;
    private long _revoked;
    private long _replayed;
    private long _storeFailures;
    private long _failedOpen;

    public JwtRevocationCheck(string scheme, IJwtRevocationStore store, JwtRevocationOptions options, bool payloadIsRevocable, JwtValidationPolicy policy, TimeProvider timeProvider, ILogger logger)
    {
        Scheme = scheme;
        _store = store;
        FailurePolicy = options.FailurePolicy;
        Timeout = options.Timeout;
        OneTimeUse = options.OneTimeUse;
        RequireTokenId = options.RequireTokenId || options.OneTimeUse || payloadIsRevocable;
        SubjectRevocationLifetime = options.SubjectRevocationLifetime;
        Policy = policy;
        TimeProvider = timeProvider;
        _logger = logger;
    }

    public string Scheme { get; }

    public IJwtRevocationStore Store => _store;

    public JwtRevocationFailurePolicy FailurePolicy { get; }

    public TimeSpan Timeout { get; }

    public bool OneTimeUse { get; }

    public bool RequireTokenId { get; }

    public TimeSpan SubjectRevocationLifetime { get; }

    public JwtValidationPolicy Policy { get; }

    public TimeProvider TimeProvider { get; }

    public JwtRevocationStatistics Statistics => new(
        Interlocked.Read(ref _checks), Interlocked.Read(ref _revoked), Interlocked.Read(ref _replayed),
        Interlocked.Read(ref _storeFailures), Interlocked.Read(ref _failedOpen));

    /// <summary>
    /// The instant a token's entries must live until: its <c>exp</c> plus the leeway, the last instant a validator of this
    /// scheme still accepts it. Without <c>exp</c>, <c>iat</c> plus the policy's <c>MaxTokenAge</c>; otherwise null (the
    /// token never expires, so no bounded entry can cover it).
    /// </summary>
    public DateTimeOffset? KeepUntil(in JwtRevocationClaims token) =>
        token.ExpiresAt is { } exp ? exp + Policy.Leeway
        : token.IssuedAt is { } iat && Policy.MaxTokenAge is { } age ? iat + age + Policy.Leeway
        : null;

    /// <summary>None when the token may be used; otherwise why it may not.</summary>
    public ValueTask<JwtError> CheckAsync(JwtRevocationClaims token, CancellationToken requestAborted)
    {
        Interlocked.Increment(ref _checks);
        if (RequireTokenId && token.TokenId is null)
        {
            return new(JwtError.Create(JwtErrorCode.MissingClaim, "jti"));
        }

        DateTimeOffset? keepUntil = null;
        if (OneTimeUse && (keepUntil = KeepUntil(token)) is null)
        {
            // An entry for a token that never expires could never be let go.
            return new(JwtError.Create(JwtErrorCode.MissingClaim, "exp"));
        }

        ValueTask<JwtError> check;
        try
        {
            check = CheckInStoreAsync(token, keepUntil, requestAborted);
        }
        catch (Exception e)
        {
            return new(StoreFailed(e));
        }

        // The in-memory store answers at once: no timer, no task.
        if (check.IsCompletedSuccessfully)
        {
            return new(Count(check.Result));
        }

        return WaitAsync(check, requestAborted);
    }

    /// <summary>Runs a write (the revoker's) under the same timeout; a failure is a <see cref="JwtRevocationUnavailableException"/>.</summary>
    public async ValueTask WriteAsync(Func<IJwtRevocationStore, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        ValueTask pending;
        try
        {
            pending = write(_store, cancellationToken);
            if (pending.IsCompletedSuccessfully)
            {
                return;
            }

            await Bounded(pending.AsTask(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _storeFailures);
            LogWriteFailed(_logger, Scheme, e);
            throw new JwtRevocationUnavailableException(
                e is TimeoutException
                    ? $"The revocation store did not answer within {Timeout.TotalMilliseconds:0} ms; the revocation was not recorded."
                    : "The revocation store failed; the revocation was not recorded.",
                e);
        }
    }

    private async ValueTask<JwtError> CheckInStoreAsync(JwtRevocationClaims token, DateTimeOffset? keepUntil, CancellationToken cancellationToken)
    {
        if (await _store.IsRevokedAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return JwtError.Create(JwtErrorCode.TokenRevoked);
        }

        if (OneTimeUse && !await _store.TryMarkUsedAsync(token.Issuer ?? "", token.TokenId!, keepUntil!.Value, cancellationToken).ConfigureAwait(false))
        {
            return JwtError.Create(JwtErrorCode.TokenAlreadyUsed);
        }

        return JwtError.None;
    }

    private async ValueTask<JwtError> WaitAsync(ValueTask<JwtError> check, CancellationToken requestAborted)
    {
        try
        {
            return Count(await Bounded(check.AsTask(), requestAborted).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads this answer, and it is no store failure.
            return JwtError.Create(JwtErrorCode.RevocationUnavailable);
        }
        catch (Exception e)
        {
            return StoreFailed(e);
        }
    }

    // The wait is bounded whatever the store does with the token it is given (StackExchange.Redis commands take none);
    // an abandoned operation ends by the store's own timeouts, and its fault is observed here so it is never unobserved.
    private async Task<T> Bounded<T>(Task<T> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.WaitAsync(Timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!pending.IsCompleted)
        {
            _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private async Task Bounded(Task pending, CancellationToken cancellationToken)
    {
        try
        {
            await pending.WaitAsync(Timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!pending.IsCompleted)
        {
            _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private JwtError Count(JwtError error)
    {
        if (error.Code == JwtErrorCode.TokenRevoked)
        {
            Interlocked.Increment(ref _revoked);
        }
        else if (error.Code == JwtErrorCode.TokenAlreadyUsed)
        {
            Interlocked.Increment(ref _replayed);
        }

        return error;
    }

    private JwtError StoreFailed(Exception e)
    {
        Interlocked.Increment(ref _storeFailures);
        if (FailurePolicy == JwtRevocationFailurePolicy.FailOpen)
        {
            Interlocked.Increment(ref _failedOpen);
            LogFailedOpen(_logger, Scheme, Describe(e), e);
            return JwtError.None;
        }

        LogFailedClosed(_logger, Scheme, Describe(e), e);
        return JwtError.Create(JwtErrorCode.RevocationUnavailable);
    }

    private string Describe(Exception e) =>
        e is TimeoutException ? $"no answer within {Timeout.TotalMilliseconds:0} ms" : e.GetType().Name;

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Scheme {Scheme}: the revocation store failed ({Reason}); the token was accepted without a revocation check (FailOpen).")]
    private static partial void LogFailedOpen(ILogger logger, string scheme, string reason, Exception exception);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Scheme {Scheme}: the revocation store failed ({Reason}); the token was refused (FailClosed).")]
    private static partial void LogFailedClosed(ILogger logger, string scheme, string reason, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Scheme {Scheme}: the revocation store failed; a revocation was not recorded.")]
    private static partial void LogWriteFailed(ILogger logger, string scheme, Exception exception);
}
