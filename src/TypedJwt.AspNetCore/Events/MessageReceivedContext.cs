using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// A request a TypedJwt bearer scheme is about to authenticate. Set <see cref="Token"/> to validate that token instead of
/// the <c>Authorization</c> header's; or decide the result yourself with <c>Success</c>, <c>Fail</c> or <c>NoResult</c>.
/// </summary>
/// <typeparam name="TPayload">The scheme's payload type.</typeparam>
public sealed class MessageReceivedContext<TPayload> : ResultContext<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    public MessageReceivedContext(HttpContext context, AuthenticationScheme scheme, TypedJwtBearerOptions options)
        : base(context, scheme, options)
    {
    }

    /// <summary>The token to validate; null to read the <c>Authorization: Bearer</c> header (or the query, where allowed).</summary>
    public string? Token { get; set; }
}
