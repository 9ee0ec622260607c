using System;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The 401 challenge about to be written (RFC 6750 §3): change <see cref="Error"/>, <see cref="ErrorDescription"/> or
/// <see cref="ErrorUri"/>, or write the response yourself and call <see cref="HandleResponse"/>.
/// </summary>
/// <typeparam name="TPayload">The scheme's payload type.</typeparam>
public sealed class TypedJwtBearerChallengeContext<TPayload> : PropertiesContext<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="properties">The challenge's authentication properties.</param>
    /// <param name="failure">Why authentication failed, or null when the request had no token.</param>
    public TypedJwtBearerChallengeContext(HttpContext context, AuthenticationScheme scheme, TypedJwtBearerOptions options, AuthenticationProperties properties, Exception? failure)
        : base(context, scheme, options, properties)
    {
        AuthenticateFailure = failure;
    }

    /// <summary>Why authentication failed: a <see cref="JwtBearerFailure"/> for a refused token, or null when there was none.</summary>
    public Exception? AuthenticateFailure { get; }

    /// <summary>The refused token's error, or null when the request had no token.</summary>
    public JwtError? JwtError => (AuthenticateFailure as JwtBearerFailure)?.Error;

    /// <summary>The <c>error</c> parameter. Default <c>invalid_token</c>; null leaves it out.</summary>
    public string? Error { get; set; } = "invalid_token";

    /// <summary>The <c>error_description</c> parameter (RFC 6750 characters only; others become '?'); null leaves it out.</summary>
    public string? ErrorDescription { get; set; }

    /// <summary>The <c>error_uri</c> parameter; null (the default) leaves it out.</summary>
    public string? ErrorUri { get; set; }

    /// <summary>True once <see cref="HandleResponse"/> was called: the handler then writes nothing.</summary>
    public bool Handled { get; private set; }

    /// <summary>Says the response is written: no status code and no <c>WWW-Authenticate</c> from the handler.</summary>
    public void HandleResponse() => Handled = true;
}
