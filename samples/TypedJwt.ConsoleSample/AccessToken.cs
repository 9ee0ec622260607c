using System;
using System.Collections.Immutable;
using TypedJwt;

namespace TypedJwt.ConsoleSample;

/// <summary>An OAuth 2.0 access token (RFC 9068): the generator writes its serializer, reader and validator.</summary>
[JwtPayload(TokenType = "at+jwt")]
public sealed partial record AccessToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("iat")] public DateTimeOffset? IssuedAt { get; init; }
    [JwtClaim("jti")] public required Guid TokenId { get; init; }
    public ImmutableArray<string> Roles { get; init; } = ImmutableArray<string>.Empty;     // claim "roles"
    public Guid TenantId { get; init; }                                                    // claim "tenant_id"
}
