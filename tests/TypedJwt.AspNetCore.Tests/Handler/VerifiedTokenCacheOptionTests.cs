using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>The verified-token cache is on by default in a bearer scheme, and off with one option.</summary>
public sealed class VerifiedTokenCacheOptionTests
{
    private static VerifiedTokenCacheStatistics? Statistics(WebApplication app) =>
        ((ResolvedBearer<AccessToken>)app.Services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>()
            .Get(TypedJwtBearerDefaults.AuthenticationScheme).Resolved!).Validator.CacheStatistics;

    [Fact]
    public async Task A_scheme_remembers_the_tokens_it_verified_and_still_checks_each_request()
    {
        await using WebApplication app = await TestApp.StartAsync(
            TestApp.Settings(SampleKey.Create("EC").Jwk), a => a.MapGet("/me", (ValidatedJwt<AccessToken> jwt) => jwt.Payload.Subject));
        string token = TestApp.Issue(app, "alice");
        using HttpClient client = app.GetTestClient();

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage response = await client.SendAsync(TestApp.Get("/me", token));
            Assert.Equal("alice", await response.Content.ReadAsStringAsync());
        }

        using HttpResponseMessage tampered = await client.SendAsync(TestApp.Get("/me", token[..^2] + (token[^2] == 'A' ? "BA" : "AA")));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        VerifiedTokenCacheStatistics stats = Statistics(app)!.Value;
        Assert.Equal((2L, 2L, 1), (stats.Hits, stats.Misses, stats.Entries));
    }

    [Fact]
    public async Task One_option_turns_it_off()
    {
        await using WebApplication app = await TestApp.StartAsync(
            TestApp.Settings(SampleKey.Create("EC").Jwk), configure: options => options.VerifiedTokenCache = null);

        Assert.Null(Statistics(app));
    }
}
