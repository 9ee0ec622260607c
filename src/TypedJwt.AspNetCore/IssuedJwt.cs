using System;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>A token a <see cref="JwtIssuer{TPayload}"/> issued.</summary>
public sealed class IssuedJwt
{
    internal IssuedJwt(string token, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Token = token;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token, JWS Compact Serialization.</summary>
    public string Token { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When it expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The lifetime in whole seconds, as <c>expires_in</c> reports it.</summary>
    public long ExpiresIn => (long)(ExpiresAt - IssuedAt).TotalSeconds;

    /// <summary>
    /// The OAuth 2.0 token response (RFC 6749 §5.1): 200 with <c>{"access_token":...,"token_type":"Bearer","expires_in":...}</c>
    /// and <c>Cache-Control: no-store</c>, so no cache keeps the token.
    /// </summary>
    public IResult ToTokenResponse() => new TokenResponseResult(this);
}
