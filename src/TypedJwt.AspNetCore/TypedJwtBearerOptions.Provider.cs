using System;
using System.Collections.Generic;

namespace TypedJwt.AspNetCore;

// Tokens from an identity provider: its keys fetched from its discovery document or JWK Set and refreshed (docs/identity-providers.md).
public sealed partial class TypedJwtBearerOptions
{
    /// <summary>The default <see cref="AutomaticRefreshInterval"/>: 12 hours, as JwtBearer's.</summary>
    public static readonly TimeSpan DefaultAutomaticRefreshInterval = TimeSpan.FromHours(12);

    /// <summary>The default <see cref="RefreshInterval"/>: 5 minutes, as JwtBearer's.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="BackchannelTimeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultBackchannelTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default <see cref="MaxKeyStaleness"/>: 7 days.</summary>
    public static readonly TimeSpan DefaultMaxKeyStaleness = TimeSpan.FromDays(7);

    /// <summary>
    /// The identity provider (OpenID Connect issuer) tokens come from, for example <c>https://login.example.com/tenant</c>: its
    /// keys are read through <c>{Authority}/.well-known/openid-configuration</c> (or <see cref="MetadataAddress"/>), whose
    /// <c>issuer</c> must be <see cref="Issuer"/> (or, when that is not set, the authority itself, with or without a trailing
    /// slash). From configuration: <c>Authority</c>. No key is then configured, none is issued, and the JWKS endpoint publishes nothing.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's address, when it is not <c>{Authority}/.well-known/openid-configuration</c>. From configuration: <c>MetadataAddress</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The provider's JWK Set address, fetched directly, without discovery. From configuration: <c>JwksUri</c>.</summary>
    public string? JwksUri { get; set; }

    /// <summary>
    /// Whether the discovery document and the JWK Set must be fetched over https. Default true. False allows http only for a
    /// loopback host (127.0.0.1, ::1, localhost) or in the Development environment; start-up fails otherwise.
    /// From configuration: <c>RequireHttpsMetadata</c>.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// How often the provider's keys are fetched again: after <c>Cache-Control: max-age</c> when the provider sends one,
    /// bounded to [<see cref="RefreshInterval"/>, this], otherwise this. Default 12 hours. From configuration: <c>AutomaticRefreshInterval</c>.
    /// </summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = DefaultAutomaticRefreshInterval;

    /// <summary>
    /// The least time between two refetches a token with an unknown <c>kid</c> can cause, and the retry delay after a failed
    /// fetch. Default 5 minutes. From configuration: <c>RefreshInterval</c>.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = DefaultRefreshInterval;

    /// <summary>How long one fetch (discovery document and JWK Set together) may take. Default 10 seconds, at most 1 minute. From configuration: <c>BackchannelTimeout</c>.</summary>
    public TimeSpan BackchannelTimeout { get; set; } = DefaultBackchannelTimeout;

    /// <summary>
    /// How long the last keys fetched stay in use while every refresh fails (the provider is down, or answers something
    /// unusable). Default 7 days; beyond it tokens are refused with <see cref="JwtErrorCode.KeysUnavailable"/> until a fetch
    /// succeeds. From configuration: <c>MaxKeyStaleness</c>.
    /// </summary>
    public TimeSpan MaxKeyStaleness { get; set; } = DefaultMaxKeyStaleness;

    /// <summary>
    /// Whether the first fetch of the provider's keys starts when the host starts (default true), rather than with the first
    /// request. Either way requests are never made to wait for it: until it succeeds they are refused with
    /// <see cref="JwtErrorCode.KeysUnavailable"/>, and the failure is logged as an error naming the authority and the reason.
    /// </summary>
    public bool FetchKeysAtStartup { get; set; } = true;

    /// <summary>
    /// The algorithms the provider signs with. A key the provider publishes without <c>alg</c> is bound by them: RSA to the
    /// first RSA algorithm listed, EC to the algorithm of its curve. Empty (the default): RS256, RS384, RS512, PS256, PS384,
    /// PS512, ES256, ES384, ES512, an RSA key without <c>alg</c> being RS256. From configuration: <c>Algorithms</c> (names, for example <c>RS256</c>).
    /// </summary>
    public IList<JwsAlgorithm> Algorithms { get; } = new List<JwsAlgorithm>();

    /// <summary>
    /// Several issuers, each with its own keys (a provider's, or static keys), audiences and algorithms: a token's <c>iss</c>
    /// chooses the issuer before its signature is checked, and an issuer's keys never verify a token claiming another. The
    /// scheme's own <see cref="Issuer"/>, when it has keys or an <see cref="Authority"/>, is one more. From configuration:
    /// <c>Issuers:0:Issuer</c>, <c>Issuers:0:Authority</c>, ...
    /// </summary>
    public IList<TypedJwtIssuerOptions> Issuers { get; } = new List<TypedJwtIssuerOptions>();

    /// <summary>The algorithms a provider's keys are allowed by default (<see cref="Algorithms"/> empty).</summary>
    internal static IReadOnlyList<JwsAlgorithm> DefaultProviderAlgorithms { get; } =
    [
        JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512, JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512,
        JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512,
    ];

    /// <summary>Whether the scheme's own keys come from an identity provider.</summary>
    internal bool UsesProviderKeys => !string.IsNullOrEmpty(Authority) || !string.IsNullOrEmpty(MetadataAddress) || !string.IsNullOrEmpty(JwksUri);

    /// <summary>Whether tokens are validated with keys from elsewhere than this service's own configured keys (a provider, or several issuers).</summary>
    internal bool ValidatesForeignTokens => UsesProviderKeys || Issuers.Count > 0;

    /// <summary>The remote key sources built at start-up, which the options validation starts when <see cref="FetchKeysAtStartup"/> is on.</summary>
    internal List<RemoteJwtKeySource> KeySources { get; } = [];
}
