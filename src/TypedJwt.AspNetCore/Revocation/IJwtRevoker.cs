using System;
using System.Threading;
using System.Threading.Tasks;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Revokes tokens of one bearer scheme, for endpoints (log out, a stolen device, a disabled account): written to the
/// scheme's <see cref="IJwtRevocationStore"/>, so every instance sharing the store refuses the token from then on.
/// Registered by <c>AddRevocation</c>: unkeyed for the first scheme that adds revocation, and keyed by scheme name for
/// each (<c>[FromKeyedServices("Bearer")] IJwtRevoker</c>). Thread-safe.
/// A store that fails or does not answer within the scheme's timeout throws <see cref="JwtRevocationUnavailableException"/>:
/// the revocation was not recorded; answer 503 and let the client try again.
/// </summary>
public interface IJwtRevoker
{
    /// <summary>The scheme whose tokens this revoker revokes.</summary>
    string AuthenticationScheme { get; }

    /// <summary>What the scheme's revocation checks have done since start.</summary>
    JwtRevocationStatistics Statistics { get; }

    /// <summary>
    /// Revokes one token by its <c>iss</c> + <c>jti</c>, remembered until its <c>exp</c> plus the scheme's leeway. Revoking a
    /// token that has already expired does nothing: no validator accepts it any more.
    /// </summary>
    /// <exception cref="ArgumentException">The token has no <c>jti</c> (its payload type declares none, or this token lacks it), or no <c>exp</c>.</exception>
    /// <exception cref="JwtRevocationUnavailableException">The store failed or did not answer in time.</exception>
    ValueTask RevokeAsync(JwtRevocationClaims token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes every token <paramref name="issuer"/> issued to <paramref name="subject"/> up to now ("log out everywhere"),
    /// including tokens issued earlier in the current second; tokens issued from the next second on are accepted.
    /// </summary>
    /// <exception cref="JwtRevocationUnavailableException">The store failed or did not answer in time.</exception>
    ValueTask RevokeSubjectAsync(string issuer, string subject, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="RevokeSubjectAsync"/>, for every token of one session (<c>sid</c>).</summary>
    /// <exception cref="JwtRevocationUnavailableException">The store failed or did not answer in time.</exception>
    ValueTask RevokeSessionAsync(string issuer, string sessionId, CancellationToken cancellationToken = default);
}

/// <summary>Revocation from a typed payload, the one an endpoint got from <c>ValidatedJwt&lt;T&gt;</c>.</summary>
public static class JwtRevokerExtensions
{
    /// <summary>Revokes <paramref name="token"/> by its <c>iss</c> + <c>jti</c> (<see cref="IJwtRevoker.RevokeAsync"/>).</summary>
    public static ValueTask RevokeAsync<TPayload>(this IJwtRevoker revoker, TPayload token, CancellationToken cancellationToken = default)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(revoker);
        return revoker.RevokeAsync(JwtRevocationClaims.From(token), cancellationToken);
    }

    /// <summary>Revokes every token issued to the <c>sub</c> of <paramref name="token"/> up to now (<see cref="IJwtRevoker.RevokeSubjectAsync"/>).</summary>
    /// <exception cref="ArgumentException">The token has no <c>sub</c>.</exception>
    public static ValueTask RevokeSubjectAsync<TPayload>(this IJwtRevoker revoker, TPayload token, CancellationToken cancellationToken = default)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(revoker);
        JwtRevocationClaims claims = JwtRevocationClaims.From(token);
        return revoker.RevokeSubjectAsync(claims.Issuer ?? "", claims.Subject ?? throw new ArgumentException("The token has no 'sub' claim.", nameof(token)), cancellationToken);
    }
}
