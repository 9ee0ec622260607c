using System;
using TypedJwt;

namespace TypedJwt.SampleApi;

/// <summary>
/// A token for one use (<c>typ: one-time+jwt</c>), issued by <c>POST /one-time-token</c> and accepted once by
/// <c>POST /redeem</c>, by whichever instance gets it first: its scheme marks its <c>iss</c> + <c>jti</c> used in the shared
/// store. Its own type, so it is never taken for an access token nor the other way round.
/// </summary>
[JwtPayload(TokenType = "one-time+jwt", Revocable = true)]
public sealed partial record OneTimeToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("iat")] public required DateTimeOffset IssuedAt { get; init; }
    [JwtClaim("jti")] public required string TokenId { get; init; }
}
