using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Options of one TypedJwt bearer scheme: the keys, the issuer and audience tokens must carry, and how issued tokens are
/// made. Checked when the application starts; an inconsistent or missing setting stops start-up with a message naming it.
/// </summary>
public sealed partial class TypedJwtBearerOptions : AuthenticationSchemeOptions
{
    /// <summary>The default <see cref="TokenLifetime"/>: 15 minutes.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The key issued tokens are signed with, and the one they are validated with unless <see cref="ValidationKeys"/> is set.
    /// From configuration: <c>SigningKey</c>, a JWK as JSON text. A public-only key validates but cannot issue.
    /// Every key needs a <c>kid</c>, so that tokens name it and the JWKS publishes it.
    /// </summary>
    public JwtSigningKey? SigningKey { get; set; }

    /// <summary>
    /// The key that will replace <see cref="SigningKey"/> at the next rotation: published at the JWKS endpoint and accepted
    /// in validation from now on, never used to sign, so that relying parties have it before the first token it signs.
    /// From configuration: <c>NextSigningKey</c>, a JWK as JSON text. Ignored when <see cref="ValidationKeys"/> is set (list
    /// it there). Rotation: set the next key here, deploy; move it to <see cref="SigningKey"/> and keep the old one in
    /// <see cref="ValidationKeys"/> for the token lifetime plus the leeway, deploy (docs/identity-providers.md).
    /// </summary>
    public JwtSigningKey? NextSigningKey { get; set; }

    /// <summary>
    /// The keys tokens are validated with, selected by <c>kid</c> (for example the current and the previous key during
    /// rotation). Null: the set of <see cref="SigningKey"/> alone. When both are set, the set must contain the signing key's <c>kid</c>.
    /// </summary>
    public JwtKeySet? ValidationKeys { get; set; }

    /// <summary>
    /// For payload types declared <c>Encrypted = true</c>: the key issued tokens are encrypted with (<see cref="JwtIssuer{TPayload}"/>),
    /// and the one they are decrypted with unless <see cref="DecryptionKeys"/> is set. Configured in code. With
    /// <see cref="RequireSignedTokens"/> (the default) tokens are signed, then encrypted (nested, RFC 7519 §11.2), so any kind
    /// of key fits (RSA-OAEP, ECDH-ES, or a shared secret); without it they are plain JWEs, and the key must be a shared
    /// secret (<c>dir</c>, <c>A128KW</c>, <c>A256KW</c>), since encryption to a public key proves nothing about the sender.
    /// </summary>
    public JwtEncryptionKey? EncryptionKey { get; set; }

    /// <summary>
    /// The keys tokens are decrypted with, selected by <c>kid</c> (for example the current and the previous key during
    /// rotation). Null: the set of <see cref="EncryptionKey"/> alone, or no decryption (signed tokens) when that is null too.
    /// </summary>
    public JwtEncryptionKeySet? DecryptionKeys { get; set; }

    /// <summary>
    /// Whether encrypted tokens must carry a signed token inside (nested, validated by <see cref="NestedJwtValidator{TPayload}"/>),
    /// as JwtBearer's option of the same name. Default true. False accepts plain JWEs (<see cref="JweValidator{TPayload}"/>),
    /// whose only proof of origin is the shared decryption key; it has no effect without <see cref="EncryptionKey"/> or
    /// <see cref="DecryptionKeys"/>.
    /// </summary>
    public bool RequireSignedTokens { get; set; } = true;

    /// <summary>
    /// Explicit opt-in, for development and demos: when no key is configured, create an ES256 key at start. Tokens signed
    /// with it die with the process, and every instance of a scaled-out service would have its own; a production service
    /// must configure a key instead. False by default: without a key and without this opt-in, start-up fails.
    /// </summary>
    public bool AllowEphemeralKey { get; set; }

    /// <summary>True after start-up when <see cref="SigningKey"/> is an ephemeral key created because of <see cref="AllowEphemeralKey"/>.</summary>
    public bool SigningKeyIsEphemeral { get; internal set; }

    /// <summary>The <c>iss</c> tokens must carry and issued tokens get. From configuration: <c>Issuer</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> tokens must name and issued tokens get. From configuration: <c>Audience</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// A complete validation policy, replacing the one built from <see cref="Issuer"/>, <see cref="Audience"/> and the
    /// scheme's <c>TimeProvider</c> (the clock of validation and issuing; by default the application's registered one) (for several issuers or audiences, another leeway, other limits).
    /// </summary>
    public JwtValidationPolicy? ValidationPolicy { get; set; }

    /// <summary>
    /// The verified-token cache's limits: a token the scheme verified in full is accepted again without its signature (or
    /// decryption) until its <c>exp</c> or the cache's <see cref="VerifiedTokenCacheOptions.MaxLifetime"/> (5 minutes), its
    /// claims still read and its times checked on every request. On by default with the documented limits (10,000 tokens,
    /// 32 MiB, tokens up to 4 KiB); null turns it off.
    /// </summary>
    public VerifiedTokenCacheOptions? VerifiedTokenCache { get; set; } = new();

    /// <summary>How long an issued token is valid. Default 15 minutes. From configuration: <c>TokenLifetime</c> (for example <c>00:15:00</c>).</summary>
    public TimeSpan TokenLifetime { get; set; } = DefaultTokenLifetime;

    /// <summary>
    /// The claim type that becomes the identity's name. Default <c>sub</c>. With <see cref="MapInboundClaims"/> it is mapped
    /// like the claims are, so the default still names the subject.
    /// </summary>
    public string NameClaimType { get; set; } = TypedJwtBearerDefaults.NameClaimType;

    /// <summary>
    /// The claim type roles are read from. Default <c>roles</c>. With <see cref="MapInboundClaims"/> it is mapped like the
    /// claims are, so the default reads <see cref="System.Security.Claims.ClaimTypes.Role"/>.
    /// </summary>
    public string RoleClaimType { get; set; } = TypedJwtBearerDefaults.RoleClaimType;

    /// <summary>
    /// Project claims under the claim types ASP.NET Core Identity uses (<c>sub</c> as
    /// <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/>, <c>roles</c> as
    /// <see cref="System.Security.Claims.ClaimTypes.Role"/>, ...: <see cref="InboundClaimTypeMap"/>), for code that looks
    /// claims up by those URIs. Off by default, unlike <c>AddJwtBearer</c>: a claim keeps its JSON name, as the typed
    /// payload does. Only the <see cref="System.Security.Claims.ClaimsPrincipal"/>'s claims change; the payload never does.
    /// </summary>
    public bool MapInboundClaims { get; set; }

    /// <summary>
    /// The map <see cref="MapInboundClaims"/> applies, JSON claim name to claim type; names not in it stay as they are.
    /// Default <see cref="InboundClaimTypeMap.Default"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> InboundClaimTypeMap { get; set; } = AspNetCore.InboundClaimTypeMap.Default;

    /// <summary>The query parameter <see cref="TokenFromQuery"/> reads, or null (the default: only the header is read).</summary>
    public string? QueryTokenParameter { get; private set; }

    /// <summary>The path under which <see cref="TokenFromQuery"/> applies.</summary>
    public PathString QueryTokenPath { get; private set; }

    /// <summary>
    /// Opt-in, for SignalR and other WebSocket or Server-Sent Events endpoints, whose browser clients cannot send an
    /// <c>Authorization</c> header: read the token from the query parameter <paramref name="parameterName"/> (SignalR's is
    /// <c>access_token</c>), for WebSocket and <c>text/event-stream</c> requests under <paramref name="pathPrefix"/> only,
    /// and only when the request has no <c>Authorization</c> header. Query strings end up in access logs; keep such
    /// tokens short-lived.
    /// </summary>
    /// <param name="parameterName">The query parameter, for example <c>access_token</c>.</param>
    /// <param name="pathPrefix">The path the endpoints live under, for example <c>/hubs</c>; not the root.</param>
    public void TokenFromQuery(string parameterName, PathString pathPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        if (!pathPrefix.HasValue || pathPrefix.Value == "/")
        {
            throw new ArgumentException("Give the path of the WebSocket or Server-Sent Events endpoints (for example \"/hubs\"), not the whole site.", nameof(pathPrefix));
        }

        QueryTokenParameter = parameterName;
        QueryTokenPath = pathPrefix;
    }

    /// <summary>Revocation and replay protection, set by <c>AddRevocation</c>; null when the scheme has none.</summary>
    internal JwtRevocationOptions? Revocation { get; set; }

    /// <summary>Whether tokens bound to a client certificate (<c>cnf.x5t#S256</c>) are checked against it (<c>AddCertificateBoundTokens</c>).</summary>
    internal bool CertificateBoundTokens { get; set; }

    /// <summary>DPoP (<c>AddDpop</c>), or null: bearer tokens only.</summary>
    internal DpopOptions? Dpop { get; set; }

    /// <summary>Whether tokens are encrypted (a decryption key is configured).</summary>
    internal bool DecryptsTokens => EncryptionKey is not null || DecryptionKeys is not null;

    /// <summary>What was built from these options at start-up (key set, validator, JWKS), or null before that or when they are invalid.</summary>
    internal ResolvedBearer? Resolved { get; set; }

    /// <summary>A configuration value that could not be used, reported by the options validation (never key material).</summary>
    internal string? ConfigurationError { get; set; }

    /// <summary>The configuration path the options were read from, for messages; null when configured in code only.</summary>
    internal string? ConfigurationPath { get; set; }
}
