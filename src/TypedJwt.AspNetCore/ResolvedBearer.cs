using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// What one scheme's options resolve to once, at start-up: the signing keys (published at the JWKS endpoint), the policy,
/// the clock, and the validator of the scheme's payload type (<see cref="ResolvedBearer{TPayload}"/>).
/// </summary>
internal abstract class ResolvedBearer(JwtKeySet? keys, JwtValidationPolicy policy, TimeProvider timeProvider)
{
    private string? _publicJwks;

    public JwtKeySet? Keys { get; } = keys;

    public JwtValidationPolicy Policy { get; } = policy;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The revocation hook (<c>AddRevocation</c>), or null.</summary>
    public JwtRevocationCheck? Revocation { get; init; }

    /// <summary>The <c>TypedJwt</c> meter's instruments the handler records into.</summary>
    public BearerMetrics? Metrics { get; init; }

    /// <summary>The verified-token cache's counters, or null when the cache is off.</summary>
    public abstract VerifiedTokenCacheStatistics? CacheStatistics { get; }

    // Built on first request; the key set is immutable, so a race only builds the same text twice. A scheme that only
    // decrypts (a plain JWE with a shared key) has no signing key, and publishes none.
    public string PublicJwks => _publicJwks ??= Keys?.ToPublicJwks() ?? """{"keys":[]}""";
}

/// <summary>The resolved scheme with its validator: one of the three token forms, held as the one interface they share.</summary>
internal sealed class ResolvedBearer<TPayload>(JwtKeySet? keys, IJwtValidator<TPayload> validator, JwtValidationPolicy policy, TimeProvider timeProvider)
    : ResolvedBearer(keys, policy, timeProvider)
    where TPayload : IJwtPayload<TPayload>
{
    public IJwtValidator<TPayload> Validator { get; } = validator;

    public override VerifiedTokenCacheStatistics? CacheStatistics => Validator.CacheStatistics;
}
