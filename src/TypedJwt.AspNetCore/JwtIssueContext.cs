using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The registered claim values a <see cref="JwtIssuer{TPayload}"/> hands to the code that builds a payload: copy them into
/// the payload's <c>iss</c>, <c>aud</c>, <c>iat</c>, <c>exp</c> and <c>jti</c> members.
/// </summary>
/// <param name="Issuer">The scheme's issuer (<c>iss</c>).</param>
/// <param name="Audience">The scheme's audience (<c>aud</c>).</param>
/// <param name="IssuedAt">Now, from the scheme's clock (<c>iat</c>).</param>
/// <param name="ExpiresAt">Now plus the token lifetime (<c>exp</c>).</param>
/// <param name="TokenId">A fresh random identifier, 128 bits as base64url (<c>jti</c>).</param>
public readonly record struct JwtIssueContext(string Issuer, string Audience, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string TokenId)
{
    /// <summary>
    /// The <c>cnf</c> claim of a token bound to a client's DPoP key (<c>jkt</c>, RFC 9449 §6.1), when issued with a validated
    /// proof; copy it into the payload's <see cref="JwtConfirmation"/> member. Null for a bearer token.
    /// </summary>
    public JwtConfirmation? Confirmation { get; init; }
}
