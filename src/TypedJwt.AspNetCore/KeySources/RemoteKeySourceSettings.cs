using System;
using System.Collections.Generic;

namespace TypedJwt.AspNetCore;

/// <summary>What one remote key source fetches, from where, and on which schedule; built from the scheme's options at start-up.</summary>
internal sealed record RemoteKeySourceSettings
{
    /// <summary>The largest discovery document or JWK Set read; a larger body is a failed fetch.</summary>
    public const int MaxResponseBytes = 512 * 1024;

    /// <summary>How soon a failed fetch is retried while no keys are held at all.</summary>
    public static readonly TimeSpan NoKeysRetry = TimeSpan.FromSeconds(30);

    /// <summary>What logs name: the authority, or the JWKS URI without discovery.</summary>
    public required string Authority { get; init; }

    /// <summary>The discovery document's address, or null when <see cref="JwksUri"/> is fetched directly.</summary>
    public Uri? MetadataAddress { get; init; }

    /// <summary>The JWK Set's address without discovery, or null.</summary>
    public Uri? JwksUri { get; init; }

    /// <summary>The values the discovery document's <c>issuer</c> may have (the configured issuer).</summary>
    public required IReadOnlyList<string> ExpectedIssuers { get; init; }

    /// <summary>Whether http (not https) addresses are allowed: <c>RequireHttpsMetadata = false</c>, for loopback or development.</summary>
    public required bool AllowHttp { get; init; }

    /// <summary>Whether the host runs in the Development environment, where http is allowed beyond loopback.</summary>
    public required bool IsDevelopment { get; init; }

    /// <summary>The algorithms the issuer's keys may be bound to (a key without <c>alg</c> is bound by them).</summary>
    public required IReadOnlyList<JwsAlgorithm> Algorithms { get; init; }

    public required TimeSpan AutomaticRefreshInterval { get; init; }

    public required TimeSpan RefreshInterval { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required TimeSpan MaxStaleness { get; init; }

    /// <summary>Whether an address may be fetched: https, or http when allowed and the host is loopback (or the environment is Development).</summary>
    public bool IsAllowed(Uri address) =>
        address.Scheme == Uri.UriSchemeHttps
        || (AllowHttp && address.Scheme == Uri.UriSchemeHttp && (address.IsLoopback || IsDevelopment));
}
