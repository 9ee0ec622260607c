using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TypedJwt.AspNetCore;

namespace TypedJwt.SampleApi;

/// <summary>The sample API's endpoints, as the design's HTTP contract fixes them.</summary>
internal static class SampleEndpoints
{
    public const string AdminPolicy = "admin";

    public static void MapSampleApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Text(Page.Value, "text/html; charset=utf-8"));

        // Login: the typed issuer fills iss, aud, iat, exp and jti; the endpoint adds who the user is.
        app.MapPost("/token", (LoginRequest login, DemoUsers users, JwtIssuer<AccessToken> issuer) =>
            users.Authenticate(login.Username, login.Password) is { } user
                ? issuer.Issue(user, static (t, user) => new AccessToken
                {
                    Issuer = t.Issuer,
                    Audience = t.Audience,
                    Subject = user.Name,
                    IssuedAt = t.IssuedAt,
                    ExpiresAt = t.ExpiresAt,
                    TokenId = t.TokenId,
                    Roles = user.Roles,
                }).ToTokenResponse()
                : Results.Json(new LoginError("invalid_grant", "Wrong user name or password."), SampleJsonContext.Default.LoginError, statusCode: StatusCodes.Status401Unauthorized));

        // The typed claims, bound from the validated token; declaring the parameter requires a valid access token.
        app.MapGet("/me", (ValidatedJwt<AccessToken> jwt) => new ClaimsJsonResult<AccessToken>(jwt.Payload));

        // A typed policy (see Program.cs): 403 for a valid token whose roles lack "admin".
        app.MapGet("/admin", (ValidatedJwt<AccessToken> jwt, HttpContext context) => Results.Json(
            new AdminGreeting($"Welcome, {context.User.Identity?.Name}: your token carries the admin role.", jwt.Payload.Subject, jwt.Payload.Roles),
            SampleJsonContext.Default.AdminGreeting)).RequireAuthorization(AdminPolicy);

        app.MapJwks();
    }

    private static readonly System.Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TypedJwt.SampleApi.index.html")!;
        using var reader = new System.IO.StreamReader(stream);
        return reader.ReadToEnd();
    });
}
