using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TypedJwt.AspNetCore;

// In the namespace users already import for AddOpenApi, like the framework's own extensions.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Describes TypedJwt bearer schemes in the OpenAPI document <c>Microsoft.AspNetCore.OpenApi</c> generates.</summary>
public static class TypedJwtOpenApiExtensions
{
    /// <summary>
    /// Adds the scheme to the document as an <c>http</c> security scheme (<c>scheme: bearer</c>, <c>bearerFormat: JWT</c>),
    /// and to exactly the operations that require an authenticated user (<c>RequireAuthorization</c>, <c>[Authorize]</c>, a
    /// <c>ValidatedJwt&lt;T&gt;</c> parameter, a policy such as <c>RequireJwtPayload&lt;T&gt;</c>) a security requirement and
    /// the 401 and 403 responses the handler gives. Anonymous operations (no authorization, or <c>AllowAnonymous</c>) and
    /// operations that name only other schemes get nothing.
    /// </summary>
    /// <param name="options">The document's options, in <c>builder.Services.AddOpenApi(options =&gt; ...)</c>.</param>
    /// <param name="authenticationScheme">The TypedJwt scheme's name, also the security scheme's name in the document.</param>
    public static OpenApiOptions AddTypedJwtBearer(this OpenApiOptions options, string authenticationScheme = TypedJwtBearerDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[authenticationScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JSON Web Token in the Authorization header: Authorization: Bearer <token> (RFC 6750).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, _) =>
        {
            if (await RequiresTokenAsync(context.Description.ActionDescriptor.EndpointMetadata, context.ApplicationServices, authenticationScheme).ConfigureAwait(false))
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(authenticationScheme, context.Document)] = [],
                });
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "The bearer token is missing or was refused (WWW-Authenticate names the failed check)." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token is valid but does not satisfy the operation's policy." });
            }
        });
        return options;
    }

    // An operation needs a token when its endpoint's effective policy (named policies resolved as the authorization
    // middleware resolves them) exists, nothing lets anonymous callers in, and it names no schemes or names this one.
    private static async Task<bool> RequiresTokenAsync(IList<object> metadata, IServiceProvider services, string scheme)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return false;
        }

        IAuthorizationPolicyProvider? provider = services.GetService<IAuthorizationPolicyProvider>();
        AuthorizationPolicy? policy = provider is null
            ? null
            : await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>()).ConfigureAwait(false);
        return policy is not null && (policy.AuthenticationSchemes.Count == 0 || policy.AuthenticationSchemes.Contains(scheme, StringComparer.Ordinal));
    }
}
