using System;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// A token that passed every check (and revocation, when the scheme has it). <see cref="Payload"/> is the typed claims;
/// <see cref="ResultContext{TOptions}.Principal"/> is the principal about to be signed in, whose identity takes more claims
/// (<c>AddClaim</c>) or which takes another identity. Call <see cref="Fail(string)"/> to refuse the token anyway.
/// </summary>
/// <typeparam name="TPayload">The scheme's payload type.</typeparam>
public sealed class TokenValidatedContext<TPayload> : ResultContext<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="payload">The validated payload.</param>
    /// <param name="principal">The principal about to be signed in.</param>
    public TokenValidatedContext(HttpContext context, AuthenticationScheme scheme, TypedJwtBearerOptions options, TPayload payload, ClaimsPrincipal principal)
        : base(context, scheme, options)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Payload = payload;
        Principal = principal;
    }

    /// <summary>The validated, typed claims.</summary>
    public TPayload Payload { get; }

    /// <summary>
    /// Refuses the token: the request is answered as for an invalid token, with <paramref name="reason"/> as the
    /// <c>error_description</c> (RFC 6750 characters only; others become '?'), and the error
    /// <see cref="JwtErrorCode.RejectedByApplication"/>.
    /// </summary>
    /// <param name="reason">Why, for the client; never a secret.</param>
    public new void Fail(string reason) => Fail(new JwtBearerFailure(JwtError.Create(JwtErrorCode.RejectedByApplication), reason));
}
