using System;
using System.Threading.Tasks;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The points where an application takes part in a TypedJwt bearer scheme's work, as <c>JwtBearerEvents</c> does for
/// <c>AddJwtBearer</c>, with the typed payload instead of a <c>SecurityToken</c>. Set an instance as
/// <see cref="Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions.Events"/>, or a subclass registered in
/// dependency injection as <see cref="Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions.EventsType"/>.
/// A scheme with neither runs none of this and allocates nothing for it.
/// </summary>
/// <typeparam name="TPayload">The scheme's payload type.</typeparam>
public class TypedJwtBearerEvents<TPayload>
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Before the token is read: set <see cref="MessageReceivedContext{TPayload}.Token"/> to take it from elsewhere.</summary>
    public Func<MessageReceivedContext<TPayload>, Task> OnMessageReceived { get; set; } = static _ => Task.CompletedTask;

    /// <summary>After every check passed: read the payload, add claims, or <c>Fail</c>.</summary>
    public Func<TokenValidatedContext<TPayload>, Task> OnTokenValidated { get; set; } = static _ => Task.CompletedTask;

    /// <summary>After a token was refused, with the <see cref="JwtError"/> that refused it.</summary>
    public Func<AuthenticationFailedContext<TPayload>, Task> OnAuthenticationFailed { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Before the 401 challenge is written: change its parts, or write your own and call <c>HandleResponse</c>.</summary>
    public Func<TypedJwtBearerChallengeContext<TPayload>, Task> OnChallenge { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Before the 403 is written: write your own and call <c>HandleResponse</c>.</summary>
    public Func<ForbiddenContext<TPayload>, Task> OnForbidden { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Runs <see cref="OnMessageReceived"/>.</summary>
    /// <param name="context">The request and the token to read.</param>
    public virtual Task MessageReceived(MessageReceivedContext<TPayload> context) => OnMessageReceived(context);

    /// <summary>Runs <see cref="OnTokenValidated"/>.</summary>
    /// <param name="context">The request, the payload and the principal about to be signed in.</param>
    public virtual Task TokenValidated(TokenValidatedContext<TPayload> context) => OnTokenValidated(context);

    /// <summary>Runs <see cref="OnAuthenticationFailed"/>.</summary>
    /// <param name="context">The request and the error.</param>
    public virtual Task AuthenticationFailed(AuthenticationFailedContext<TPayload> context) => OnAuthenticationFailed(context);

    /// <summary>Runs <see cref="OnChallenge"/>.</summary>
    /// <param name="context">The request and the challenge about to be written.</param>
    public virtual Task Challenge(TypedJwtBearerChallengeContext<TPayload> context) => OnChallenge(context);

    /// <summary>Runs <see cref="OnForbidden"/>.</summary>
    /// <param name="context">The request about to be answered 403.</param>
    public virtual Task Forbidden(ForbiddenContext<TPayload> context) => OnForbidden(context);
}
