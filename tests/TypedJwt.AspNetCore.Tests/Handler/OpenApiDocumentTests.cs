using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>Which operations <c>options.AddTypedJwtBearer()</c> marks as needing the bearer scheme, case by case.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Only_operations_that_authorize_with_this_scheme_need_a_token()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(TestApp.Settings(SampleKey.Create("EC").Jwk));
        builder.Services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme)
            .AddTypedJwtBearer<AccessToken>(builder.Configuration.GetSection("Jwt"));
        builder.Services.AddAuthorization(o => o.AddPolicy("other-scheme", p => p.AddAuthenticationSchemes("Other").RequireAuthenticatedUser()));
        builder.Services.AddOpenApi(options => options.AddTypedJwtBearer());
        await using WebApplication app = builder.Build();
        app.MapGet("/typed", (ValidatedJwt<AccessToken> jwt) => jwt.Payload.Subject);
        app.MapGet("/authorized", () => "ok").RequireAuthorization();
        app.MapGet("/attribute", [Authorize] () => "ok");
        app.MapGet("/payload-policy", () => "ok").RequireAuthorization(p => p.RequireJwtPayload<AccessToken>(t => t.Roles.Contains("admin")));
        app.MapGet("/anonymous", () => "ok");
        app.MapGet("/allow-anonymous", () => "ok").RequireAuthorization().AllowAnonymous();
        app.MapGet("/other-scheme", () => "ok").RequireAuthorization("other-scheme");
        app.MapGet("/named-scheme", [Authorize(AuthenticationSchemes = "Other," + TypedJwtBearerDefaults.AuthenticationScheme)] () => "ok");
        app.MapOpenApi();
        await app.StartAsync();

        using HttpClient client = app.GetTestClient();
        using JsonDocument document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        JsonElement paths = document.RootElement.GetProperty("paths");
        string[] secured = [.. paths.EnumerateObject().Where(p => p.Value.GetProperty("get").TryGetProperty("security", out _)).Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["/attribute", "/authorized", "/named-scheme", "/payload-policy", "/typed"], secured);
    }
}
