using System.Collections.Immutable;
using TypedJwt.AspNetCore.Tests.Handler;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Revocation;

/// <summary>A session token: <c>sid</c>, a <c>Guid</c> <c>jti</c>, an optional <c>iat</c>, and roles named like registered claims.</summary>
[JwtPayload]
public sealed partial record SessionToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("sid")] public string? SessionId { get; init; }
    [JwtClaim("jti")] public required Guid TokenId { get; init; }
    [JwtClaim("iat")] public DateTimeOffset? IssuedAt { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    public ImmutableArray<string> Roles { get; init; }
}

/// <summary>What the revocation hook reads from any typed payload, through VisitClaims.</summary>
public sealed class RevocationClaimsTests
{
    [Fact]
    public void The_registered_claims_are_read_from_the_typed_payload()
    {
        var exp = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var token = new AccessToken
        {
            Issuer = "https://issuer.example", Audience = "api", Subject = "alice", ExpiresAt = exp, IssuedAt = exp.AddMinutes(-15),
            TokenId = "t-1", Roles = ["user", "admin"],
        };

        Assert.Equal(new JwtRevocationClaims
        {
            Issuer = "https://issuer.example", TokenId = "t-1", Subject = "alice", IssuedAt = exp.AddMinutes(-15), ExpiresAt = exp,
        }, JwtRevocationClaims.From(token));
    }

    [Fact]
    public void Other_claim_types_read_as_the_token_carries_them()
    {
        Guid id = Guid.NewGuid();
        var token = new SessionToken
        {
            Issuer = "i", Subject = "s", SessionId = "sess", TokenId = id, IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_600), Roles = ["sub", "jti"],
        };

        JwtRevocationClaims claims = JwtRevocationClaims.From(token);

        Assert.Equal(id.ToString("D"), claims.TokenId);
        Assert.Equal("sess", claims.SessionId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), claims.IssuedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_600), claims.ExpiresAt);
    }

    [Fact]
    public void A_type_without_jti_has_none_and_one_read_leaves_nothing_for_the_next()
    {
        var profile = new ProfileToken { Issuer = "i", Audience = "a", Subject = "bob", ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000) };
        JwtRevocationClaims.From(new SessionToken { Issuer = "x", Subject = "y", SessionId = "z", TokenId = Guid.NewGuid(), ExpiresAt = DateTimeOffset.UnixEpoch, IssuedAt = DateTimeOffset.UnixEpoch });

        JwtRevocationClaims claims = JwtRevocationClaims.From(profile);

        Assert.Equal(("i", null, "bob", null, null), (claims.Issuer, claims.TokenId, claims.Subject, claims.SessionId, claims.IssuedAt));
    }
}
