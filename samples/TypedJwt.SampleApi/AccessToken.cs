using System;
using System.Collections.Immutable;
using TypedJwt;

namespace TypedJwt.SampleApi;

/// <summary>
/// The sample API's access token (RFC 9068: <c>typ: at+jwt</c>). Every claim is required, so a token without one is
/// refused with <c>MissingClaim</c> naming it; the generator writes its serializer, reader and validator. A token issued
/// with a DPoP proof also carries <c>cnf.jkt</c>, and is then only accepted with a proof from that key.
/// </summary>
[JwtPayload(TokenType = "at+jwt", Revocable = true)]
public sealed partial record AccessToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("iat")] public required DateTimeOffset IssuedAt { get; init; }
    [JwtClaim("jti")] public required string TokenId { get; init; }
    public required ImmutableArray<string> Roles { get; init; }     // claim "roles"

    /// <summary>Present on DPoP-bound tokens (RFC 9449 §6.1): the thumbprint of the client's proof key.</summary>
    [JwtClaim("cnf")] public JwtConfirmation? Confirmation { get; init; }
}
