using System;
using System.Collections.Generic;

namespace TypedJwt;

/// <summary>
/// What a token must satisfy to be accepted, beyond its signature. Defaults are strict: an issuer and an audience must be
/// configured (or explicitly skipped), <c>exp</c> is required, an <c>iat</c> in the future is refused, the leeway is 30
/// seconds, the token is at most 8 KiB long, JSON nests at most 16 levels and arrays hold at most 256 elements, and an
/// encrypted token must come from a holder of the shared key (see <see cref="DangerousAcceptUnauthenticatedSenders"/>).
/// Every limit has a ceiling (<see cref="MaxLeeway"/>, <see cref="MaxJsonDepthLimit"/>, <see cref="MaxTokenLengthLimit"/>)
/// so that no policy can make validation overflow, recurse without bound or throw.
/// </summary>
public sealed class JwtValidationPolicy
{
    /// <summary>The default <see cref="Leeway"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultLeeway = TimeSpan.FromSeconds(30);

    /// <summary>The largest <see cref="Leeway"/> a policy accepts: 10 minutes. A clock that is off by more needs fixing, not tolerating.</summary>
    public static readonly TimeSpan MaxLeeway = TimeSpan.FromMinutes(10);

    /// <summary>The largest <see cref="MaxJsonDepth"/> a policy accepts: 64 (no JWT nests that deep; deeper limits only feed an attacker).</summary>
    public const int MaxJsonDepthLimit = 64;

    /// <summary>The largest <see cref="MaxTokenLength"/> a policy accepts: 1 MiB (HTTP servers refuse header fields far shorter).</summary>
    public const int MaxTokenLengthLimit = 1024 * 1024;

    /// <summary>
    /// The most parameters (top-level members) a JOSE header may have: 32. The header is read before the signature or
    /// authentication tag is checked, so its size is bounded by a constant rather than by the policy; more is
    /// <see cref="JwtErrorCode.TooManyHeaderParameters"/>.
    /// </summary>
    public const int MaxHeaderParameters = 32;

    /// <summary>Accepted <c>iss</c> values, compared ordinally. Required unless <see cref="SkipIssuerValidation"/> is set.</summary>
    public IReadOnlyList<string> ValidIssuers { get; init; } = Array.Empty<string>();

    /// <summary>Accepted <c>aud</c> values, compared ordinally; the token's <c>aud</c> (string or array) must name at least one.
    /// Required unless <see cref="SkipAudienceValidation"/> is set.</summary>
    public IReadOnlyList<string> ValidAudiences { get; init; } = Array.Empty<string>();

    /// <summary>Lenient, opt-in: accept any issuer (and a token without <c>iss</c>). Only for tokens whose issuer the key already pins.</summary>
    public bool SkipIssuerValidation { get; init; }

    /// <summary>Lenient, opt-in: accept any audience (and a token without <c>aud</c>).</summary>
    public bool SkipAudienceValidation { get; init; }

    /// <summary>Whether a token without <c>exp</c> is rejected. Default true; false is lenient (a token that never expires).</summary>
    public bool RequireExpirationTime { get; init; } = true;

    /// <summary>
    /// Clock skew tolerated for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default 30 seconds; negative values and values above
    /// <see cref="MaxLeeway"/> (10 minutes) are refused when a validator is created.
    /// </summary>
    public TimeSpan Leeway { get; init; } = DefaultLeeway;

    /// <summary>
    /// When set, <c>iat</c> is required and a token issued longer ago than this (plus the <see cref="Leeway"/>) is refused
    /// with <see cref="JwtErrorCode.TokenTooOld"/>, whatever its <c>exp</c> says (OpenID Connect Core §3.1.3.7). Null (the
    /// default): the age is not limited. Must be positive.
    /// </summary>
    public TimeSpan? MaxTokenAge { get; init; }

    /// <summary>
    /// Dangerous, opt-in: let <see cref="JweValidator{TPayload}"/> accept tokens encrypted to a public key (<c>RSA-OAEP</c>,
    /// <c>RSA-OAEP-256</c>, <c>ECDH-ES</c> and its key-wrap variants). Anyone who has the recipient's public key can make such a
    /// token, with any claims: public-key encryption authenticates no sender. By default such tokens are refused with
    /// <see cref="JwtErrorCode.UnauthenticatedSender"/>, and a <see cref="JweValidator{TPayload}"/> refuses asymmetric keys
    /// when it is created; sign, then encrypt (RFC 7519 §11.2) and validate with <see cref="NestedJwtValidator{TPayload}"/>.
    /// Set this only when the payload carries its own proof of origin. Reported at compile time by TJ0018.
    /// </summary>
    public bool DangerousAcceptUnauthenticatedSenders { get; init; }

    /// <summary>The clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The longest token accepted, in characters (bytes), checked before anything else. Default 8192; at most <see cref="MaxTokenLengthLimit"/>.</summary>
    public int MaxTokenLength { get; init; } = 8192;

    /// <summary>The deepest JSON nesting accepted in header and payload (the top-level object is depth 1). Default 16; at most <see cref="MaxJsonDepthLimit"/>.</summary>
    public int MaxJsonDepth { get; init; } = 16;

    /// <summary>The most elements accepted in one JSON array. Default 256.</summary>
    public int MaxArrayLength { get; init; } = JwtReadOptions.DefaultMaxArrayLength;

    /// <summary>Creates a policy that accepts one issuer and one audience, with the strict defaults.</summary>
    public static JwtValidationPolicy For(string issuer, string audience) => new()
    {
        ValidIssuers = new[] { issuer ?? throw new ArgumentNullException(nameof(issuer)) },
        ValidAudiences = new[] { audience ?? throw new ArgumentNullException(nameof(audience)) },
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    internal void EnsureValid()
    {
        if (!SkipIssuerValidation && ValidIssuers.Count == 0)
        {
            throw new ArgumentException("The policy names no valid issuer. Set ValidIssuers, or opt in to SkipIssuerValidation.", "policy");
        }

        if (!SkipAudienceValidation && ValidAudiences.Count == 0)
        {
            throw new ArgumentException("The policy names no valid audience. Set ValidAudiences, or opt in to SkipAudienceValidation.", "policy");
        }

        if (Leeway < TimeSpan.Zero || Leeway > MaxLeeway)
        {
            throw new ArgumentException($"Leeway must be between zero and {MaxLeeway.TotalMinutes:0} minutes (JwtValidationPolicy.MaxLeeway).", "policy");
        }

        if (MaxTokenAge <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxTokenAge must be positive, or null to leave the token age unlimited.", "policy");
        }

        if (MaxTokenLength <= 0 || MaxTokenLength > MaxTokenLengthLimit)
        {
            throw new ArgumentException($"MaxTokenLength must be between 1 and {MaxTokenLengthLimit} (JwtValidationPolicy.MaxTokenLengthLimit).", "policy");
        }

        if (MaxJsonDepth <= 0 || MaxJsonDepth > MaxJsonDepthLimit)
        {
            throw new ArgumentException($"MaxJsonDepth must be between 1 and {MaxJsonDepthLimit} (JwtValidationPolicy.MaxJsonDepthLimit).", "policy");
        }

        if (MaxArrayLength < 0)
        {
            throw new ArgumentException("MaxArrayLength must not be negative.", "policy");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider must not be null.", "policy");
        }
    }
}
