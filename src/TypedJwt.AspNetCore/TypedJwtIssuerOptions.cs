using System.Collections.Generic;

namespace TypedJwt.AspNetCore;

/// <summary>
/// One issuer of <see cref="TypedJwtBearerOptions.Issuers"/>: its exact <c>iss</c>, where its keys come from (an authority's
/// discovery document, a JWKS URI, or static keys), the audiences its tokens must name and the algorithms it signs with.
/// The refresh settings (<c>RefreshInterval</c>, ...) and <c>RequireHttpsMetadata</c> are the scheme's.
/// </summary>
public sealed class TypedJwtIssuerOptions
{
    /// <summary>The exact <c>iss</c> of the issuer's tokens (and the <c>issuer</c> of its discovery document). Required, unless <see cref="Authority"/> is set: then the authority.</summary>
    public string? Issuer { get; set; }

    /// <summary>The issuer's OpenID Connect authority; its keys are read through <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's address, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The issuer's JWK Set address, fetched without discovery.</summary>
    public string? JwksUri { get; set; }

    /// <summary>Static keys of the issuer, instead of fetched ones.</summary>
    public JwtKeySet? SigningKeys { get; set; }

    /// <summary>The audiences the issuer's tokens must name (one of them). Empty: the scheme's <see cref="TypedJwtBearerOptions.Audience"/>.</summary>
    public IList<string> Audiences { get; } = new List<string>();

    /// <summary>The algorithms the issuer signs with; empty: the scheme's <see cref="TypedJwtBearerOptions.Algorithms"/>, or their default.</summary>
    public IList<JwsAlgorithm> Algorithms { get; } = new List<JwsAlgorithm>();
}
