using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// Key rotation by configuration, without a restart: a new <c>Jwt:SigningKey</c> signs from the reload on, the replaced key
/// keeps validating (and stays published) until its tokens have expired, and what must outlive a reload does (the
/// in-memory revocations, the ephemeral key). Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class SigningKeyReloadTests
{
    [Fact]
    public async Task A_new_signing_key_signs_after_a_reload_and_the_old_one_validates_until_its_tokens_expire()
    {
        (string KeyId, string Jwk) keyA = Key("key-a"), keyB = Key("key-b"), keyC = Key("key-c");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using WebApplication app = await TestApp.StartAsync(
            TestApp.Settings(keyA.Jwk),
            a =>
            {
                a.MapGet("/me", () => "ok").RequireAuthorization();
                a.MapJwks();
            },
            scheme: b => b.AddRevocation(),
            services: s => s.AddSingleton<TimeProvider>(time));
        using HttpClient client = app.GetTestClient();
        string tokenA = TestApp.Issue(app, "alice");
        string revoked = TestApp.Issue(app, "mallory");
        await app.Services.GetRequiredService<IJwtRevoker>().RevokeAsync(Validated(app, revoked));

        Reload(app, keyB);
        string tokenB = TestApp.Issue(app, "bob");

        Assert.Equal(keyB.KeyId, Kid(tokenB));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, tokenB));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, tokenA));          // the previous key, within its tokens' lifetime
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, revoked)); // the in-memory revocation outlived the reload
        Assert.Equal([keyA.KeyId, keyB.KeyId], (await PublishedAsync(client)).Order());

        // Past the lifetime plus leeway of what key A signed, the next reload drops it.
        time.Advance(TypedJwtBearerOptions.DefaultTokenLifetime + TimeSpan.FromMinutes(1));
        Reload(app, keyC);

        Assert.Equal([keyB.KeyId, keyC.KeyId], (await PublishedAsync(client)).Order());
    }

    [Fact]
    public async Task An_ephemeral_key_survives_a_reload()
    {
        await using WebApplication app = await TestApp.StartAsync(TestApp.Settings(signingKey: null), a => a.MapGet("/me", () => "ok").RequireAuthorization(), o => o.AllowEphemeralKey = true);
        using HttpClient client = app.GetTestClient();
        string token = TestApp.Issue(app, "alice");
        int reloads = 0;
        using IDisposable? listening = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<TypedJwtBearerOptions>>().OnChange((_, name) => reloads += name == TypedJwtBearerDefaults.AuthenticationScheme ? 1 : 0);

        ((IConfigurationRoot)app.Configuration).Reload();

        Assert.True(reloads > 0, "the scheme's options were not reloaded");   // rebuilt, so the key had to survive it
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, token));
        Assert.Equal(Kid(token), Kid(TestApp.Issue(app, "alice")));
    }

    // An EC key with its own kid (SampleKey gives every EC key the same one).
    private static (string KeyId, string Jwk) Key(string keyId)
    {
        SampleKey key = SampleKey.Create("EC");
        return (keyId, key.Jwk.Replace($"\"{key.KeyId}\"", $"\"{keyId}\"", StringComparison.Ordinal));
    }

    private static void Reload(WebApplication app, (string KeyId, string Jwk) key)
    {
        app.Configuration["Jwt:SigningKey"] = key.Jwk;
        ((IConfigurationRoot)app.Configuration).Reload();
    }

    private static AccessToken Validated(WebApplication app, string token)
    {
        var validator = new JwtValidator<AccessToken>(
            JwtSigningKey.FromJwk(app.Configuration["Jwt:SigningKey"]!), JwtValidationPolicy.For(TestApp.Issuer, TestApp.Audience));
        Assert.True(validator.TryValidate(token, out AccessToken? payload, out JwtError error), error.Message);
        return payload;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string token)
    {
        using HttpResponseMessage response = await client.SendAsync(TestApp.Get("/me", token));
        return response.StatusCode;
    }

    private static async Task<string[]> PublishedAsync(HttpClient client)
    {
        using JsonDocument jwks = JsonDocument.Parse(await client.GetStringAsync(TypedJwtBearerDefaults.JwksPath));
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }

    private static string Kid(string token)
    {
        string header = token.Split('.')[0];
        using JsonDocument json = JsonDocument.Parse(Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/').PadRight((header.Length + 3) / 4 * 4, '=')));
        return json.RootElement.GetProperty("kid").GetString()!;
    }
}
