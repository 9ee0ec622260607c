using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>
/// A real OpenID Connect server: OpenIddict 7.8 in degraded mode (no store) on Kestrel at 127.0.0.1 on a free port, with
/// discovery, JWKS and the client-credentials grant. Its access tokens are, by default, OpenIddict's: signed (RS256), then
/// encrypted (RSA-OAEP + A256CBC-HS512) to <see cref="EncryptionRsa"/>, which the validating side is given.
/// </summary>
public sealed class OpenIddictProvider : IAsyncDisposable
{
    public const string ClientId = "typedjwt-tests";
    public const string ClientSecret = "typedjwt-tests-secret";
    public const string Audience = ProviderApp.Audience;

    private WebApplication? _app;

    public RSA EncryptionRsa { get; } = RSA.Create(2048);

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The authority without a trailing slash; OpenIddict's issuer is this plus '/'.</summary>
    public string Authority => BaseAddress.ToString().TrimEnd('/');

    public static async Task<OpenIddictProvider> StartAsync(bool encryptAccessTokens)
    {
        var provider = new OpenIddictProvider();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris("connect/token");
            options.AllowClientCredentialsFlow();
            options.EnableDegradedMode();
            options.DisableTokenStorage();
            options.AddSigningKey(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "signing-1" });
            options.AddEncryptionKey(new RsaSecurityKey(provider.EncryptionRsa) { KeyId = "encryption-1" });
            if (!encryptAccessTokens)
            {
                options.DisableAccessTokenEncryption();
            }

            options.UseAspNetCore().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(error: Errors.InvalidClient, description: "Unknown client or wrong secret.");
                }

                return default;
            }));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var identity = new ClaimsIdentity("OpenIddict", Claims.Name, "roles");
                identity.AddClaim(new Claim(Claims.Subject, context.ClientId!));
                identity.AddClaim(new Claim("roles", "admin"));
                identity.AddClaim(new Claim("roles", "user"));
                var principal = new ClaimsPrincipal(identity);
                principal.SetAudiences(Audience);
                principal.SetDestinations(static _ => [Destinations.AccessToken]);
                context.SignIn(principal);
                return default;
            }));
        });

        WebApplication app = builder.Build();
        await app.StartAsync();
        provider._app = app;
        provider.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return provider;
    }

    /// <summary>A new signing key, put first so OpenIddict signs with it from now on; the JWKS publishes both.</summary>
    public void RotateSigningKey(string keyId)
    {
        OpenIddictServerOptions options = _app!.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        options.SigningCredentials.Insert(0, new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId }, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>An access token from the token endpoint, client-credentials grant, over real HTTP.</summary>
    public async Task<string> GetAccessTokenAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using HttpResponseMessage response = await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.ClientCredentials,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        EncryptionRsa.Dispose();
    }
}
