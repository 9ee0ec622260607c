using System;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// A token the scheme refused, with <see cref="Error"/>, the first check it failed. The refusal stands unless the handler
/// calls <c>Success</c> or <c>NoResult</c>.
/// </summary>
/// <typeparam name="TPayload">The scheme's payload type.</typeparam>
public sealed class AuthenticationFailedContext<TPayload> : ResultContext<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="error">Why the token was refused.</param>
    public AuthenticationFailedContext(HttpContext context, AuthenticationScheme scheme, TypedJwtBearerOptions options, JwtError error)
        : base(context, scheme, options)
    {
        Error = error;
    }

    /// <summary>The first check the token failed (its code, and the claim or parameter it names).</summary>
    public JwtError Error { get; }
}
