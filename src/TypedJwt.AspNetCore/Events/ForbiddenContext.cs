using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// A request authenticated by the scheme but not authorized: the handler is about to answer 403. Write your own answer
/// and call <see cref="HandleResponse"/>.
/// </summary>
/// <typeparam name="TPayload">The scheme's payload type.</typeparam>
public sealed class ForbiddenContext<TPayload> : PropertiesContext<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="properties">The authentication properties.</param>
    public ForbiddenContext(HttpContext context, AuthenticationScheme scheme, TypedJwtBearerOptions options, AuthenticationProperties properties)
        : base(context, scheme, options, properties)
    {
    }

    /// <summary>True once <see cref="HandleResponse"/> was called: the handler then writes nothing.</summary>
    public bool Handled { get; private set; }

    /// <summary>Says the response is written: no status code from the handler.</summary>
    public void HandleResponse() => Handled = true;
}
