using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace TypedJwt.Benchmarks.Http;

/// <summary>
/// The peer of the sample API for the request benchmarks: ASP.NET Core's own JwtBearer handler (Microsoft.IdentityModel)
/// with the sample's contract for the measured routes. <c>GET /me</c> needs a valid <c>at+jwt</c> from the same issuer
/// and audience, signed with the same key, and answers the claims as JSON written with a <c>Utf8JsonWriter</c>, as the sample
/// writes its typed claims; <c>GET /.well-known/jwks.json</c> answers anonymously, as the sample's does.
/// </summary>
internal static class JwtBearerHost
{
    public static WebApplication Build(WebApplicationBuilder builder, string jwk)
    {
        var key = new JsonWebKey(jwk);
        string jwks = new JwtKeySet(JwtSigningKey.FromJwk(jwk)).ToPublicJwks();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = HostKeys.Issuer,
                ValidAudience = HostKeys.Audience,
                IssuerSigningKey = key,
                ValidAlgorithms = [key.Alg],
                ValidTypes = ["at+jwt"],
                NameClaimType = "sub",
                RoleClaimType = "roles",
            };
        });
        builder.Services.AddAuthorization();

        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user, HttpContext context) => WriteClaims(user, context)).RequireAuthorization();
        app.MapGet("/.well-known/jwks.json", (HttpContext context) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(jwks);
        });
        return app;
    }

    // The sample's /me writes its typed claims with the generated serializer; here the same members come from the principal.
    private static async Task WriteClaims(ClaimsPrincipal user, HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        foreach (string name in new[] { "iss", "aud", "sub" })
        {
            writer.WriteString(name, user.FindFirst(name)?.Value);
        }

        foreach (string name in new[] { "exp", "iat" })
        {
            writer.WriteNumber(name, long.Parse(user.FindFirst(name)!.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteString("jti", user.FindFirst("jti")?.Value);
        writer.WriteStartArray("roles");
        foreach (Claim role in user.FindAll("roles"))
        {
            writer.WriteStringValue(role.Value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
