using System;
using System.Collections.Generic;

namespace TypedJwt;

/// <summary>
/// What a token must satisfy to be accepted, beyond its signature. Defaults are strict: an issuer and an audience must be
/// configured (or explicitly skipped), <c>exp</c> is required, the leeway is 30 seconds, the token is at most 8 KiB long,
/// JSON nests at most 16 levels and arrays hold at most 256 elements.
/// </summary>
public sealed class JwtValidationPolicy
{
    /// <summary>The default <see cref="Leeway"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultLeeway = TimeSpan.FromSeconds(30);

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

    /// <summary>Clock skew tolerated for <c>exp</c> and <c>nbf</c>. Default 30 seconds; negative values are refused.</summary>
    public TimeSpan Leeway { get; init; } = DefaultLeeway;

    /// <summary>The clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The longest token accepted, in characters (bytes), checked before anything else. Default 8192.</summary>
    public int MaxTokenLength { get; init; } = 8192;

    /// <summary>The deepest JSON nesting accepted in header and payload (the top-level object is depth 1). Default 16.</summary>
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

        if (Leeway < TimeSpan.Zero)
        {
            throw new ArgumentException("Leeway must not be negative.", "policy");
        }

        if (MaxTokenLength <= 0 || MaxJsonDepth <= 0 || MaxArrayLength < 0)
        {
            throw new ArgumentException("MaxTokenLength and MaxJsonDepth must be positive and MaxArrayLength non-negative.", "policy");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider must not be null.", "policy");
        }
    }
}
