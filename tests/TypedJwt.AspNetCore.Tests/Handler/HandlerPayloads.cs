using System.Collections.Immutable;

namespace TypedJwt.AspNetCore.Tests.Handler;

// Payload types the handler tests declare themselves; the generator in this project writes their code.

public enum Tier
{
    Basic,
    Gold,
}

/// <summary>One claim of every kind the principal projects, to pin the mapping.</summary>
[JwtPayload(TokenType = "at+jwt")]
public sealed partial record ProfileToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    public ImmutableArray<string> Roles { get; init; }
    public int Level { get; init; }
    public double Ratio { get; init; }
    public decimal Credit { get; init; }
    public bool Verified { get; init; }
    public Guid TenantId { get; init; }
    public Tier Tier { get; init; }
    public DateOnly Joined { get; init; }
    public Uri? Homepage { get; init; }
    public string? Nickname { get; init; }
    [JwtClaim("scope")] public JwtScope Scope { get; init; }
    public Location? Location { get; init; }
}

[JwtPayload]
public sealed partial record Location
{
    public required string City { get; init; }
    public int Floor { get; init; }
}

/// <summary>An access token whose payload must not be readable: issued and accepted only encrypted.</summary>
[JwtPayload(TokenType = "at+jwt", Encrypted = true)]
public sealed partial record SealedToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    public ImmutableArray<string> Roles { get; init; }
    public string? Email { get; init; }
}
