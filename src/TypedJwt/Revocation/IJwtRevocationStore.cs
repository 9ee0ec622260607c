using System;
using System.Threading;
using System.Threading.Tasks;

namespace TypedJwt;

/// <summary>
/// Where a fleet keeps which tokens are revoked and which one-time tokens were used: the state every instance behind a
/// load balancer must agree on. Entries are keyed by what identifies a token to its issuer (<c>iss</c> + <c>jti</c>;
/// <c>iss</c> + <c>sub</c> or <c>sid</c>), never by the token's bytes or a hash of them: an ECDSA signature is malleable,
/// so one token has more than one byte form. Every entry lives until the instant the caller gives (the token's
/// <c>exp</c> plus the validation leeway), never less, so that a token cannot come back to life while a validator would
/// still accept it.
/// Implementations: <see cref="InMemoryJwtRevocationStore"/> (one process), TypedJwt.AspNetCore's
/// <c>DistributedCacheJwtRevocationStore</c> (any <c>IDistributedCache</c>; revocation only) and TypedJwt.Redis's
/// <c>RedisJwtRevocationStore</c> (everything, atomic across the fleet). They are thread-safe; a store that cannot be
/// reached throws or never completes, and the caller (the ASP.NET Core bearer handler) bounds the wait and applies its
/// failure policy.
/// </summary>
public interface IJwtRevocationStore
{
    /// <summary>
    /// Whether <see cref="TryMarkUsedAsync"/> is supported and atomic across every process that shares the store, so that a
    /// one-time token is accepted exactly once by the whole fleet.
    /// </summary>
    bool CanMarkUsed { get; }

    /// <summary>
    /// Whether the token is revoked: its <c>iss</c> + <c>jti</c> was revoked, or its <c>sub</c> or <c>sid</c> was revoked
    /// for every token issued up to an instant its <c>iat</c> is not after (a token without <c>iat</c> cannot show it is
    /// newer, so such a mark revokes it). A token without <c>jti</c> can only be revoked through its subject or session.
    /// </summary>
    ValueTask<bool> IsRevokedAsync(JwtRevocationClaims token, CancellationToken cancellationToken);

    /// <summary>Revokes the token <paramref name="issuer"/> issued with <c>jti</c> <paramref name="tokenId"/>, until <paramref name="keepUntil"/>.</summary>
    ValueTask RevokeTokenAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes every token <paramref name="issuer"/> issued to <paramref name="subject"/> (<c>sub</c>) at or before
    /// <paramref name="issuedUpTo"/> (whole seconds, as <c>iat</c> is), remembered until <paramref name="keepUntil"/>. A
    /// later instant already recorded for the subject is kept.
    /// </summary>
    ValueTask RevokeSubjectAsync(string issuer, string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken);

    /// <summary>As <see cref="RevokeSubjectAsync"/>, for a session (<c>sid</c>, OpenID Connect Front-/Back-Channel Logout).</summary>
    ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the token <paramref name="issuer"/> issued with <c>jti</c> <paramref name="tokenId"/> used, until
    /// <paramref name="keepUntil"/>, in one atomic step: true for the first caller, false for every later one, in any process
    /// sharing the store.
    /// </summary>
    /// <exception cref="NotSupportedException">The store cannot do this atomically (<see cref="CanMarkUsed"/> is false).</exception>
    ValueTask<bool> TryMarkUsedAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken);
}
