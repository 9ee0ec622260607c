using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Peers;

/// <summary>Microsoft.IdentityModel.JsonWebTokens (<see cref="JsonWebTokenHandler"/>): the baseline every ratio is taken against.</summary>
internal sealed class IdentityModelPeer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SecurityTokenDescriptor _descriptor;
    private readonly TokenValidationParameters _parameters;

    public IdentityModelPeer(ScenarioKeys keys, TokenClaims claims)
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

    public string Create() => _handler.CreateToken(_descriptor);

    public ReadClaims Validate(string token)
    {
        TokenValidationResult result = _handler.ValidateTokenAsync(token, _parameters).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            throw new InvalidOperationException("IdentityModel refused the token.", result.Exception);
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.TryGetPayloadValue("roles", out string[]? roles);
        return new ReadClaims(jwt.Subject, roles?.Length ?? 0);
    }
}
