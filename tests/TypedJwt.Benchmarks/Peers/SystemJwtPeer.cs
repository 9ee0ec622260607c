using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Peers;

/// <summary>System.IdentityModel.Tokens.Jwt (<see cref="JwtSecurityTokenHandler"/>), with claim-type mapping off so <c>sub</c> stays <c>sub</c>.</summary>
internal sealed class SystemJwtPeer
{
    private readonly JwtSecurityTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };
    private readonly SecurityTokenDescriptor _descriptor;
    private readonly TokenValidationParameters _parameters;

    public SystemJwtPeer(ScenarioKeys keys, TokenClaims claims)
    {
        _descriptor = new SecurityTokenDescriptor
        {
            Issuer = TokenClaims.Issuer,
            Audience = TokenClaims.Audience,
            Expires = claims.ExpiresAt.UtcDateTime,
            NotBefore = claims.NotBefore.UtcDateTime,
            IssuedAt = claims.IssuedAt.UtcDateTime,
            TokenType = TokenClaims.TokenType,
            Claims = claims.ToIdentityModelClaims(),
            SigningCredentials = keys.SigningCredentials,
        };
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = TokenClaims.Issuer,
            ValidAudience = TokenClaims.Audience,
            IssuerSigningKey = keys.IdentityModel,
            ValidAlgorithms = [keys.AlgorithmName],
            ValidTypes = [TokenClaims.TokenType],
        };
    }

    public string Create() => _handler.CreateEncodedJwt(_descriptor);

    public ReadClaims Validate(string token)
    {
        ClaimsPrincipal principal = _handler.ValidateToken(token, _parameters, out _);
        int roles = 0;
        foreach (Claim role in principal.FindAll("roles"))
        {
            roles += role.Value.Length > 0 ? 1 : 0;
        }

        return new ReadClaims(principal.FindFirst("sub")?.Value, roles);
    }
}
