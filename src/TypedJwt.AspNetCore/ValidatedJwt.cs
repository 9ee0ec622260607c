using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace TypedJwt.AspNetCore;

/// <summary>
/// A minimal-API parameter holding the request's validated, typed claims:
/// <c>app.MapGet("/me", (ValidatedJwt&lt;AccessToken&gt; jwt) =&gt; jwt.Payload.Subject)</c>. Declaring it makes the
/// endpoint require a signed-in user with a <typeparamref name="TPayload"/> token (so a missing or refused token is a 401
/// challenge, never a 400 from binding); the user is authenticated by the default schemes.
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class ValidatedJwt<TPayload> : IEndpointMetadataProvider
    where TPayload : IJwtPayload<TPayload>
{
    // A validated payload exists only for an authenticated user, so this one requirement is also "authenticated".
    private static readonly AuthorizationPolicy RequiresPayload = new AuthorizationPolicyBuilder()
        .RequireJwtPayload<TPayload>()
        .Build();

    private ValidatedJwt(TPayload payload)
    {
        Payload = payload;
    }

    /// <summary>The validated claims.</summary>
    public TPayload Payload { get; }

    /// <summary>Binds the parameter from the signed-in user (called by minimal APIs).</summary>
    public static ValueTask<ValidatedJwt<TPayload>?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.GetJwtPayload<TPayload>() is { } payload ? new ValidatedJwt<TPayload>(payload) : null);

    /// <summary>Adds the authorization policy that requires a <typeparamref name="TPayload"/> token to the endpoint.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(RequiresPayload);
    }
}
