using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// What one scheme's options resolve to once, at start-up: the key set, the generated validator (kept as object because the
/// options are not generic over the payload type), the clock and the published JWK Set text.
/// </summary>
internal sealed class ResolvedBearer(JwtKeySet keys, object validator, JwtValidationPolicy policy, TimeProvider timeProvider)
{
    private string? _publicJwks;

    public JwtKeySet Keys { get; } = keys;

    public object Validator { get; } = validator;

    public JwtValidationPolicy Policy { get; } = policy;

    public TimeProvider TimeProvider { get; } = timeProvider;

    // Built on first request; the key set is immutable, so a race only builds the same text twice.
    public string PublicJwks => _publicJwks ??= Keys.ToPublicJwks();
}
