using System;
using System.Collections.Immutable;
using TypedJwt;

namespace Sample;

[JwtPayload(TokenType = "at+jwt")]
public sealed partial record AccessToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("iat")] public DateTimeOffset? IssuedAt { get; init; }
    public ImmutableArray<string> Roles { get; init; }
    public Guid TenantId { get; init; }
}
