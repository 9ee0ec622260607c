using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>The sample in provider mode (Jwt:Authority or Jwt:JwksUri): a loopback provider's tokens, no login, no JWKS.</summary>
public sealed class SampleProviderModeTests
{
    private static async Task<(WebApplicationFactory<Program> Factory, HttpClient Client)> StartSampleAsync(Dictionary<string, string?> settings)
    {
        WebApplicationFactory<Program> factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings)));
        HttpClient client = factory.CreateClient();
        TypedJwtBearerOptions options = factory.Services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>().Get(TypedJwtBearerDefaults.AuthenticationScheme);
        await options.KeySources.Single().LastFetch;
        return (factory, client);
    }

    [Theory]
    [InlineData("Authority")]
    [InlineData("JwksUri")]
    public async Task The_sample_validates_the_providers_tokens_and_issues_none(string mode)
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("provider-1");
        provider.Publish(key);
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:Issuer"] = provider.Authority,
            ["Jwt:Audience"] = "sample-api",
            ["Jwt:RequireHttpsMetadata"] = "false",
            ["Jwt:RefreshInterval"] = "00:00:30",
            ["Jwt:AutomaticRefreshInterval"] = "01:00:00",
            [mode == "Authority" ? "Jwt:Authority" : "Jwt:JwksUri"] = mode == "Authority" ? provider.Authority : provider.JwksUri,
        };
        (WebApplicationFactory<Program> factory, HttpClient client) = await StartSampleAsync(settings);
        await using (factory)
        {
            string user = TokenForge.Sign(TokenForge.Header("RS256", "provider-1"), TokenForge.Payload(provider.Authority, "sample-api", "alice"), key);
            string admin = TokenForge.Sign(TokenForge.Header("RS256", "provider-1"), TokenForge.Payload(provider.Authority, "sample-api", "root", "[\"admin\",\"user\"]"), key);

            using HttpResponseMessage me = await client.SendAsync(Handler.TestApp.Get("/me", user));
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Contains("\"alice\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Handler.TestApp.Get("/admin", user))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Handler.TestApp.Get("/admin", admin))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Handler.TestApp.Get("/me", null))).StatusCode);

            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/token", new { username = "alice", password = "alice-pass" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/.well-known/jwks.json")).StatusCode);
        }
    }
}
