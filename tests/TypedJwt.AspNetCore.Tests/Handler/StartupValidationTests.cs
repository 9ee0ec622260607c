using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>Keys and options from configuration: what starts, what refuses to start, and what the error says.</summary>
public sealed class StartupValidationTests
{
    // A 1024-bit modulus: well-formed, refused for size. Its members must not appear in the error.
    private const string WeakRsaModulus = "xnAJ6OdLVFh5a4WcT0VOcm7iBTEVOdJ7Ae1hAAAEoe0kMxFbE5wAVGO0nRu_Hy8MUmxWQvFe7n-4a1HQ2QGSgi4v8XjTbnJtnHeCnn7XFBVtXuu6y1wfc4MRWJ0RkGk2oTozZN1BdhE5yuX2y6yQVr-rzrIXDNM-PEeTyRXKHnY";

    [Fact]
    public async Task A_JWK_the_runtime_refuses_stops_start_up_with_the_reason_and_no_key_material()
    {
        string jwk = $"{{\"kty\":\"RSA\",\"alg\":\"RS256\",\"kid\":\"weak\",\"n\":\"{WeakRsaModulus}\",\"e\":\"AQAB\"}}";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(TestApp.Settings(jwk)));

        Assert.Contains("Jwt:SigningKey is not a usable JWK", error.Message);
        Assert.Contains("2048", error.Message);
        Assert.DoesNotContain(WeakRsaModulus[..16], error.Message);
    }

    [Fact]
    public async Task A_JWK_that_is_not_JSON_stops_start_up_without_echoing_it()
    {
        const string secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";
        string jwk = $"{{\"kty\":\"oct\",\"alg\":\"HS256\",\"kid\":\"k\",\"k\":\"{secret}\"";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(TestApp.Settings(jwk)));

        Assert.Contains("Jwt:SigningKey is not a usable JWK", error.Message);
        Assert.DoesNotContain(secret, error.Message);
    }

    [Fact]
    public async Task No_key_without_the_ephemeral_opt_in_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(TestApp.Settings(null)));

        Assert.Contains("no key is configured", error.Message);
        Assert.Contains("Jwt:SigningKey", error.Message);
        Assert.Contains("AllowEphemeralKey", error.Message);
    }

    [Fact]
    public async Task A_key_without_kid_stops_start_up()
    {
        string jwk = $"{{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"{Convert.ToBase64String(new byte[32]).TrimEnd('=')}\"}}";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(TestApp.Settings(jwk)));

        Assert.Contains("no 'kid'", error.Message);
    }

    [Fact]
    public async Task Missing_issuer_and_audience_stop_start_up_naming_both()
    {
        var settings = new Dictionary<string, string?> { ["Jwt:SigningKey"] = Support.SampleKey.Create("EC").Jwk };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains("Jwt:Issuer is not set", error.Message);
        Assert.Contains("Jwt:Audience is not set", error.Message);
    }

    [Fact]
    public async Task The_ephemeral_opt_in_creates_an_ES256_key_with_a_kid()
    {
        await using var app = await TestApp.StartAsync(TestApp.Settings(null), configure: o => o.AllowEphemeralKey = true);

        TypedJwtBearerOptions options = ((IOptionsMonitor<TypedJwtBearerOptions>)app.Services.GetService(typeof(IOptionsMonitor<TypedJwtBearerOptions>))!)
            .Get(TypedJwtBearerDefaults.AuthenticationScheme);
        Assert.True(options.SigningKeyIsEphemeral);
        Assert.Equal(JwsAlgorithm.ES256, options.SigningKey!.Algorithm);
        Assert.StartsWith("ephemeral-", options.SigningKey.KeyId);
    }

    [Fact]
    public async Task The_sample_starts_with_no_configuration_on_an_ephemeral_key_it_publishes()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using HttpClient client = factory.CreateClient();

        using JsonDocument jwks = JsonDocument.Parse(await client.GetStringAsync("/.well-known/jwks.json"));
        JsonElement key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.StartsWith("ephemeral-", key.GetProperty("kid").GetString());

        using HttpResponseMessage login = await client.PostAsJsonAsync("/token", new { username = "alice", password = "alice-pass" });
        string token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        var validator = new JwtValidator<AccessToken>(JwtKeySet.FromJwks(jwks.RootElement.GetRawText()), JwtValidationPolicy.For("https://typedjwt.sample", "typedjwt-sample-api"));
        Assert.True(validator.TryValidate(token, out _, out JwtError error), error.Message);
    }

    [Fact]
    public async Task Demo_users_and_token_lifetime_come_from_configuration()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureAppConfiguration((_, config) =>
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DemoUsers:carol:Password"] = "carol-pass",
                ["DemoUsers:carol:Roles:0"] = "admin",
                ["Jwt:TokenLifetime"] = "00:05:00",
            })));
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage carol = await client.PostAsJsonAsync("/token", new { username = "carol", password = "carol-pass" });
        using HttpResponseMessage alice = await client.PostAsJsonAsync("/token", new { username = "alice", password = "alice-pass" });

        Assert.Equal(System.Net.HttpStatusCode.OK, carol.StatusCode);
        Assert.Equal(300, JsonDocument.Parse(await carol.Content.ReadAsStringAsync()).RootElement.GetProperty("expires_in").GetInt64());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, alice.StatusCode);
    }
}
