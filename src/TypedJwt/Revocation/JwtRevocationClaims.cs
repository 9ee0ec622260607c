using System;

namespace TypedJwt;

/// <summary>
/// The registered claims that identify a validated token to a <see cref="IJwtRevocationStore"/> and bound how long its
/// entries must live: <c>iss</c>, <c>jti</c>, <c>sub</c>, <c>sid</c>, <c>iat</c>, <c>exp</c>. Read from any typed payload
/// with <see cref="From{TPayload}"/>; a claim the payload type does not declare is null here, even when the token carried
/// it (claims a type does not declare are validated but not kept).
/// </summary>
public readonly record struct JwtRevocationClaims
{
    /// <summary><c>iss</c>, or null.</summary>
    public string? Issuer { get; init; }

    /// <summary><c>jti</c>, or null: then the token cannot be revoked on its own (only through its subject or session) nor used once.</summary>
    public string? TokenId { get; init; }

    /// <summary><c>sub</c>, or null.</summary>
    public string? Subject { get; init; }

    /// <summary><c>sid</c> (OpenID Connect session), or null.</summary>
    public string? SessionId { get; init; }

    /// <summary><c>iat</c>, whole seconds, or null.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary><c>exp</c>, whole seconds, or null.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// Reads the claims from a validated payload through <see cref="IJwtPayload{TSelf}.VisitClaims"/>, so it works for every
    /// generated type. A claim visited more than once (declared as an array) is not a single value and reads as null.
    /// Allocates nothing beyond what the payload's visit does (a <c>Guid</c> <c>jti</c> is formatted, for example).
    /// </summary>
    public static JwtRevocationClaims From<TPayload>(TPayload payload)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(payload);
        return RevocationClaimsVisitor.Read(payload);
    }
}
