using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The failure of an authentication attempt with a bearer token TypedJwt refused, as
/// <see cref="Microsoft.AspNetCore.Authentication.AuthenticateResult.Failure"/>. It is never thrown.
/// </summary>
public sealed class JwtBearerFailure : Exception
{
    /// <summary>Creates the failure for <paramref name="error"/>.</summary>
    public JwtBearerFailure(JwtError error)
        : base(error.Message)
    {
        Error = error;
    }

    /// <summary>Creates the failure for <paramref name="error"/>, described to the client as <paramref name="description"/>.</summary>
    /// <param name="error">The check the token failed.</param>
    /// <param name="description">The <c>error_description</c> (RFC 6750 characters only; others become '?'); never a secret.</param>
    public JwtBearerFailure(JwtError error, string description)
        : base(description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Error = error;
    }

    /// <summary>The first check the token failed.</summary>
    public JwtError Error { get; }
}
