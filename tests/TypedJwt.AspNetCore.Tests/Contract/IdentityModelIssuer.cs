using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Contract;

/// <summary>Microsoft.IdentityModel as a peer: issues access tokens with the server's key, and validates the server's tokens.</summary>
public static class IdentityModelIssuer
{
    public static string Issue(SampleServer server, string subject, string[] roles) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = server.Issuer,
            Audience = server.Audience,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["jti"] = Guid.NewGuid().ToString(),
                ["roles"] = roles,
            },
            SigningCredentials = new SigningCredentials(server.Key.SecurityKey, server.Key.Algorithm),
        });

    public static async Task<bool> Validates(SampleServer server, string token)
    {
        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = server.Issuer,
            ValidAudience = server.Audience,
            IssuerSigningKey = server.Key.SecurityKey,
            ValidAlgorithms = [server.Key.Algorithm],
            ValidTypes = ["at+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return result.IsValid;
    }
}
