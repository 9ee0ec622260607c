using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>Typed access to the validated claims of the current request, for middleware and handlers.</summary>
public static class JwtPayloadAccessExtensions
{
    /// <summary>The validated <typeparamref name="TPayload"/> claims of the signed-in user, or null when no such token signed the request in.</summary>
    public static TPayload? GetJwtPayload<TPayload>(this ClaimsPrincipal? user)
        where TPayload : IJwtPayload<TPayload>
    {
        if (user is null)
        {
            return default;
        }

        // Enumerating the identities as an IEnumerable boxes an enumerator on every request; the principal keeps a list.
        if (user.Identities is IList<ClaimsIdentity> list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i] is JwtClaimsIdentity<TPayload> { IsAuthenticated: true } found)
                {
                    return found.Payload;
                }
            }

            return default;
        }

        foreach (ClaimsIdentity identity in user.Identities)
        {
            if (identity is JwtClaimsIdentity<TPayload> { IsAuthenticated: true } jwt)
            {
                return jwt.Payload;
            }
        }

        return default;
    }

    /// <summary>The validated <typeparamref name="TPayload"/> claims of the request's user, or null.</summary>
    public static TPayload? GetJwtPayload<TPayload>(this HttpContext context)
        where TPayload : IJwtPayload<TPayload> =>
        context.User.GetJwtPayload<TPayload>();

    /// <summary>Gets the validated <typeparamref name="TPayload"/> claims of the request's user.</summary>
    public static bool TryGetJwtPayload<TPayload>(this HttpContext context, [NotNullWhen(true)] out TPayload? payload)
        where TPayload : IJwtPayload<TPayload>
    {
        payload = context.User.GetJwtPayload<TPayload>();
        return payload is not null;
    }
}
