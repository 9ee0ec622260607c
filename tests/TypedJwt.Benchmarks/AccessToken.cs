using System.Collections.Immutable;

namespace TypedJwt.Benchmarks;

/// <summary>The realistic access token every library creates and validates: RFC 9068 claims plus a display name and three roles.</summary>
[JwtPayload(TokenType = "at+jwt")]
public sealed partial record AccessToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("nbf")] public DateTimeOffset? NotBefore { get; init; }
    [JwtClaim("iat")] public DateTimeOffset? IssuedAt { get; init; }
    [JwtClaim("jti")] public required Guid TokenId { get; init; }
    public string? Name { get; init; }                                          // claim "name"
    public ImmutableArray<string> Roles { get; init; } = ImmutableArray<string>.Empty;  // claim "roles"
}
