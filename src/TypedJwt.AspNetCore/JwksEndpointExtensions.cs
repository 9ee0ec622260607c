using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedJwt;
using TypedJwt.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the JWKS endpoint that publishes a bearer scheme's public keys.</summary>
public static class JwksEndpointExtensions
{
    /// <summary>
    /// Maps <c>GET <paramref name="pattern"/></c> to the scheme's validation keys as a JWK Set (RFC 7517 §5): the public
    /// members of each RSA and EC key with its <c>alg</c>, <c>kid</c> and <c>use</c>. A shared HMAC secret has no public part,
    /// so a symmetric scheme publishes <c>{"keys":[]}</c>. The endpoint allows anonymous access.
    /// </summary>
    public static IEndpointConventionBuilder MapJwks(
        this IEndpointRouteBuilder endpoints,
        string pattern = TypedJwtBearerDefaults.JwksPath,
        string authenticationScheme = TypedJwtBearerDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // A RequestDelegate, not a lambda with parameters: no request-delegate generation, so the endpoint trims and runs under NativeAOT.
        return endpoints.MapGet(pattern, context =>
            {
                TypedJwtBearerOptions options = context.RequestServices.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>().Get(authenticationScheme);
                ResolvedBearer resolved = options.Resolved ?? throw new InvalidOperationException(
                    $"The TypedJwt bearer scheme '{authenticationScheme}' has no usable keys; its options validation says why.");
                context.Response.ContentType = "application/json; charset=utf-8";
                return context.Response.WriteAsync(resolved.PublicJwks, context.RequestAborted);
            })
            .AllowAnonymous();
    }
}
