using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>A small application on TestServer that uses the library directly, to test it apart from the sample.</summary>
public static class TestApp
{
    public const string Issuer = "https://issuer.example";
    public const string Audience = "handler-tests";

    public static async Task<WebApplication> StartAsync(
        Dictionary<string, string?> configuration, Action<WebApplication>? map = null, Action<TypedJwtBearerOptions>? configure = null,
        Action<TypedJwtBearerBuilder>? scheme = null, Action<IServiceCollection>? services = null, bool kestrel = false)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        if (kestrel)
        {
            // Real HTTP: Kestrel on loopback, on a port the OS picks (Client gives an HttpClient for it).
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration);
        services?.Invoke(builder.Services);
        TypedJwtBearerBuilder bearer = builder.Services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme)
            .AddTypedJwtBearer<AccessToken>(builder.Configuration.GetSection("Jwt"), configure);
        scheme?.Invoke(bearer);
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy("admins-by-role", policy => policy.RequireRole("admin"));
            options.AddPolicy("admins-by-payload", policy => policy.RequireJwtPayload<AccessToken>(t => t.Roles.Contains("admin")));
        });

        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        map?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>The address an app started with <c>kestrel: true</c> listens on.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client of an app started with <c>kestrel: true</c>, over real HTTP.</summary>
    public static HttpClient Client(WebApplication app) => new() { BaseAddress = Address(app) };

    public static Dictionary<string, string?> Settings(string? signingKey) => new()
    {
        ["Jwt:SigningKey"] = signingKey,
        ["Jwt:Issuer"] = Issuer,
        ["Jwt:Audience"] = Audience,
    };

    /// <summary>An access token for <paramref name="subject"/> issued by the app's own issuer.</summary>
    public static string Issue(WebApplication app, string subject, params string[] roles) =>
        app.Services.GetRequiredService<JwtIssuer<AccessToken>>().Issue(t => new AccessToken
        {
            Issuer = t.Issuer,
            Audience = t.Audience,
            Subject = subject,
            IssuedAt = t.IssuedAt,
            ExpiresAt = t.ExpiresAt,
            TokenId = t.TokenId,
            Roles = [.. roles],
        }).Token;

    public static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
