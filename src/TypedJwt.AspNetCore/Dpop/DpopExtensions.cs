using System;
using TypedJwt.AspNetCore;

// In the namespace users already import for AddAuthentication, like TypedJwtBearerExtensions.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DPoP (RFC 9449) for a TypedJwt bearer scheme.</summary>
public static class DpopExtensions
{
    /// <summary>
    /// Accepts DPoP-bound access tokens on the scheme: <c>Authorization: DPoP &lt;token&gt;</c> with a <c>DPoP</c> proof
    /// header signed by the key the token's <c>cnf.jkt</c> names; bound tokens are refused as bearer tokens. With
    /// <see cref="DpopMode.Required"/>, bearer tokens are refused altogether. The scheme's <see cref="JwtIssuer{TPayload}"/>
    /// can then bind the tokens it issues to a client's proof.
    /// </summary>
    public static TypedJwtBearerBuilder AddDpop(this TypedJwtBearerBuilder builder, Action<DpopOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<TypedJwtBearerOptions>(builder.AuthenticationScheme, options =>
        {
            DpopOptions dpop = options.Dpop ??= new DpopOptions();
            configure?.Invoke(dpop);
        });
        return builder;
    }
}
