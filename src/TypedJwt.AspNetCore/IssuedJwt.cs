using System;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>A token a <see cref="JwtIssuer{TPayload}"/> issued.</summary>
public sealed class IssuedJwt
{
    internal const string BearerTokenType = "Bearer";
    internal const string DpopTokenType = "DPoP";

    internal IssuedJwt(string token, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string tokenType = BearerTokenType)
    {
        TokenType = tokenType;
        Token = token;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token, JWS Compact Serialization.</summary>
    public string Token { get; }

    /// <summary>
    /// The <c>token_type</c> of the token response (RFC 6749 §7.1): <c>Bearer</c>, or <c>DPoP</c> for a token bound to a
    /// client's DPoP key (RFC 9449 §5).
    /// </summary>
    public string TokenType { get; }

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
