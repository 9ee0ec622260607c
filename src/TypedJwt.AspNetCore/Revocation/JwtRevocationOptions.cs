using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Revocation and replay protection of one bearer scheme (<c>AddTypedJwtBearer&lt;T&gt;(...).AddRevocation(...)</c>): after
/// a token has passed every check (on verified-token cache hits too), the scheme asks a <see cref="IJwtRevocationStore"/>
/// whether it was revoked and, for one-time tokens, marks it used. Checked when the application starts.
/// </summary>
public sealed class JwtRevocationOptions
{
    /// <summary>The default <see cref="Timeout"/>: 1 second.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The default <see cref="SubjectRevocationLifetime"/>: 1 day.</summary>
    public static readonly TimeSpan DefaultSubjectRevocationLifetime = TimeSpan.FromDays(1);

    /// <summary>The longest <see cref="Timeout"/> accepted: 30 seconds.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The store. Null: the <see cref="IJwtRevocationStore"/> registered in the services (<c>AddRedisJwtRevocationStore</c>,
    /// <c>AddDistributedCacheJwtRevocationStore</c>, <c>AddInMemoryJwtRevocationStore</c>), or, when none is, an
    /// <see cref="InMemoryJwtRevocationStore"/> of this process, which instances behind a load balancer do not share.
    /// </summary>
    public IJwtRevocationStore? Store { get; set; }

    /// <summary>
    /// What a request gets when the store fails or does not answer within <see cref="Timeout"/>. Default
    /// <see cref="JwtRevocationFailurePolicy.FailClosed"/>: the token is refused with <see cref="JwtErrorCode.RevocationUnavailable"/>
    /// and the handler answers 503 (the token is not known to be bad, so not 401).
    /// </summary>
    public JwtRevocationFailurePolicy FailurePolicy { get; set; } = JwtRevocationFailurePolicy.FailClosed;

    /// <summary>How long one request waits for the store, at most (default 1 second, at most <see cref="MaxTimeout"/>), on the scheme's clock.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Every token of the scheme is accepted once: the first request that presents it marks its <c>iss</c> + <c>jti</c>
    /// used (atomically, across every instance sharing the store), later ones are refused with
    /// <see cref="JwtErrorCode.TokenAlreadyUsed"/>. Requires <c>jti</c>, a store whose <see cref="IJwtRevocationStore.CanMarkUsed"/>
    /// is true, and <see cref="JwtRevocationFailurePolicy.FailClosed"/>. Such a scheme should not be a default scheme:
    /// authenticating a request is what uses the token.
    /// </summary>
    public bool OneTimeUse { get; set; }

    /// <summary>
    /// Refuse tokens without <c>jti</c> (<see cref="JwtErrorCode.MissingClaim"/> <c>jti</c>), so that every accepted token
    /// can be revoked on its own. Off by default: a token without <c>jti</c> can still be revoked through its <c>sub</c> or
    /// <c>sid</c>. Always on with <see cref="OneTimeUse"/>, and for a payload type declared
    /// <see cref="JwtPayloadAttribute.Revocable"/> (whose reader already refuses a token without <c>jti</c>).
    /// </summary>
    public bool RequireTokenId { get; set; }

    /// <summary>
    /// How long a "revoked up to now" mark for a subject or session is kept after its instant (plus the leeway): it must
    /// cover the longest lifetime of the tokens the scheme accepts, or an older, longer-lived token would come back when the
    /// mark expires. Default 1 day.
    /// </summary>
    public TimeSpan SubjectRevocationLifetime { get; set; } = DefaultSubjectRevocationLifetime;
}

/// <summary>What a revocation check does when the store cannot answer.</summary>
public enum JwtRevocationFailurePolicy
{
    /// <summary>Refuse the token (<see cref="JwtErrorCode.RevocationUnavailable"/>, HTTP 503). The default.</summary>
    FailClosed = 0,

    /// <summary>
    /// Accept the token as if it were not revoked, log a warning and count it (<see cref="JwtRevocationStatistics.FailedOpen"/>):
    /// during an outage a revoked token works again. Not allowed with <see cref="JwtRevocationOptions.OneTimeUse"/>.
    /// </summary>
    FailOpen = 1,
}

/// <summary>What one scheme's revocation checks have done since start, for metrics. Counts only grow.</summary>
/// <param name="Checks">Tokens checked (each request with a token that passed every other check).</param>
/// <param name="Revoked">Tokens refused as revoked.</param>
/// <param name="Replayed">One-time tokens refused as already used.</param>
/// <param name="StoreFailures">Checks the store failed or did not answer in time.</param>
/// <param name="FailedOpen">Of those, tokens accepted anyway under <see cref="JwtRevocationFailurePolicy.FailOpen"/>.</param>
public readonly record struct JwtRevocationStatistics(long Checks, long Revoked, long Replayed, long StoreFailures, long FailedOpen);

/// <summary>
/// Thrown by <see cref="IJwtRevoker"/> when the store failed or did not answer within the scheme's timeout, so the
/// revocation was not recorded; an endpoint answers 503 and the client may try again.
/// </summary>
public sealed class JwtRevocationUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JwtRevocationUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
