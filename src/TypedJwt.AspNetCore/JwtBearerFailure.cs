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

    /// <summary>The first check the token failed.</summary>
    public JwtError Error { get; }
}
