using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace TypedJwt.AspNetCore;

/// <summary>
/// An authorization requirement stated over the typed claims: met when the user signed in with a
/// <typeparamref name="TPayload"/> token whose payload satisfies the predicate. It handles itself, so no handler needs registering.
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class JwtPayloadRequirement<TPayload> : IAuthorizationHandler, IAuthorizationRequirement
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="predicate">What the claims must satisfy; null requires only that such a token signed the user in.</param>
    public JwtPayloadRequirement(Func<TPayload, bool>? predicate = null)
    {
        Predicate = predicate;
    }

    /// <summary>What the claims must satisfy, or null.</summary>
    public Func<TPayload, bool>? Predicate { get; }

    /// <inheritdoc/>
    /// <summary>Succeeds this requirement when the user carries a validated <typeparamref name="TPayload"/> that satisfies <see cref="Predicate"/>.</summary>
    /// <param name="context">The authorization context.</param>
    /// <remarks>The requirement is its own handler, run by ASP.NET Core's pass-through handler, so it needs no registration.</remarks>
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.GetJwtPayload<TPayload>() is { } payload && (Predicate is null || Predicate(payload)))
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
