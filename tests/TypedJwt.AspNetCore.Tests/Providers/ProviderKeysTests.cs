using System.Net;
using Microsoft.Extensions.Logging;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>
/// Keys from a provider's discovery document and JWK Set, against a fault-injecting server on loopback: selection, the
/// refresh policy (max-age, unknown kid, cooldown), last known good through every kind of failed fetch, and start-up.
/// Time is a FakeTimeProvider: nothing sleeps; a test awaits the fetch the source started.
/// </summary>
public sealed class ProviderKeysTests
{
    [Fact]
    public async Task Discovery_keys_validate_the_providers_tokens()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("k1");
        provider.Publish(key);
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));

        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(key, provider.Authority)));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(JwksServer.NewRsaKey("k1"), provider.Authority)));
        Assert.Equal(1, provider.DiscoveryHits);
        Assert.Equal(1, provider.JwksHits);
        Assert.Contains(app.Log.Entries, e => e.Event.Id == 1000);
    }

    [Fact]
    public async Task JwksUri_without_discovery_validates()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewEcKey("ec1");
        provider.Publish(key);
        Dictionary<string, string?> settings = ProviderApp.Settings(authority: null!, issuer: "https://issuer.example");
        settings.Remove("Jwt:Authority");
        settings["Jwt:JwksUri"] = provider.JwksUri;
        await using ProviderApp app = await ProviderApp.StartAsync(settings);

        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(key, "https://issuer.example", alg: "ES256")));
        Assert.Equal(0, provider.DiscoveryHits);
    }

    [Fact]
    public async Task Keys_without_alg_are_bound_by_the_algorithms_and_enc_and_okp_keys_are_ignored_and_logged_once()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("rsa-no-alg");
        string rsa = key.ToPublicJwk().Replace("\"alg\":\"RS256\",", "", StringComparison.Ordinal);
        Assert.DoesNotContain("\"alg\"", rsa, StringComparison.Ordinal);
        string enc = JwksServer.NewRsaKey("rsa-enc").ToPublicJwk().Replace("\"alg\":\"RS256\"", "\"use\":\"enc\"", StringComparison.Ordinal);
        const string okp = """{"kty":"OKP","crv":"Ed25519","kid":"ed","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""";
        provider.Jwks = $$"""{"keys":[{{rsa}},{{enc}},{{okp}}]}""";
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));

        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(key, provider.Authority)));
        // Bound to RS256, the key refuses a token that says PS256 (RFC 8725 §3.1).
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(key, provider.Authority, alg: "PS256")));

        app.Time.Advance(TimeSpan.FromMinutes(2));
        await app.GetMeAsync(app.Token(key, provider.Authority));
        await app.Source.LastFetch;
        Assert.Equal(2, provider.JwksHits);
        Assert.Equal(2, app.Log.Entries.Count(e => e.Event.Id == 1003));
    }

    [Fact]
    public async Task An_unknown_kid_refetches_once_then_waits_for_the_refresh_interval()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey k1 = JwksServer.NewRsaKey("k1"), k2 = JwksServer.NewRsaKey("k2"), k3 = JwksServer.NewRsaKey("k3");
        provider.Publish(k1);
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));

        provider.Publish(k1, k2);
        // The request that misses is refused at once, never queued behind the fetch; a later one sees the new key.
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(k2, provider.Authority)));
        await app.Source.LastFetch;
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(k2, provider.Authority)));
        Assert.Equal(2, provider.JwksHits);

        provider.Publish(k1, k2, k3);
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(k3, provider.Authority)));
        await app.Source.LastFetch;
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(k3, provider.Authority)));
        Assert.Equal(2, provider.JwksHits);

        app.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(k3, provider.Authority)));
        await app.Source.LastFetch;
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(k3, provider.Authority)));
        Assert.Equal(3, provider.JwksHits);
    }

    [Fact]
    public async Task A_flood_of_unknown_kids_is_not_a_flood_of_provider_requests()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey k1 = JwksServer.NewRsaKey("k1");
        provider.Publish(k1);
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));

        string[] tokens = [.. Enumerable.Range(0, 200).Select(i => app.Token(k1, provider.Authority, kid: "forged-" + i))];
        HttpStatusCode[] results = await Task.WhenAll(tokens.Select(app.GetMeAsync));
        await app.Source.LastFetch;

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Unauthorized, r));
        Assert.Equal(2, provider.JwksHits);
        Assert.Equal(1, app.Log.Entries.Count(e => e.Event.Id == 1004));
    }

    [Theory]
    [InlineData(JwksFault.Outage)]
    [InlineData(JwksFault.Status500)]
    [InlineData(JwksFault.EmptySet)]
    [InlineData(JwksFault.InvalidJson)]
    [InlineData(JwksFault.TenMegabytes)]
    public async Task A_failed_refresh_keeps_the_last_known_good_keys(JwksFault fault)
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("k1");
        provider.Publish(key);
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));
        string token = app.Token(key, provider.Authority);

        provider.Fault = fault;
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
        await app.Source.LastFetch;

        Assert.Equal(2, provider.JwksHits);
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
        Assert.Contains(app.Log.Entries, e => e.Event.Id == 1002 && e.Level == LogLevel.Warning);

        // Retried after RefreshInterval, not on every request.
        await app.GetMeAsync(token);
        Assert.Equal(2, provider.JwksHits);
        app.Time.Advance(TimeSpan.FromSeconds(11));
        await app.GetMeAsync(token);
        await app.Source.LastFetch;
        Assert.Equal(3, provider.JwksHits);
    }

    [Fact]
    public async Task A_refresh_that_does_not_answer_ends_at_the_timeout_and_keeps_the_keys()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("k1");
        provider.Publish(key);
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));
        string token = app.Token(key, provider.Authority);

        provider.Fault = JwksFault.Hang;
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
        while (provider.JwksHits < 2)
        {
            await Task.Yield();
        }

        Assert.False(app.Source.LastFetch.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
        app.Time.Advance(TimeSpan.FromSeconds(11));
        await app.Source.LastFetch.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(app.Log.Entries, e => e.Event.Id == 1002 && e.Message.Contains("timeout", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
    }

    [Theory]
    [InlineData(30, 31, true)]     // max-age honoured
    [InlineData(3600, 61, true)]   // capped at AutomaticRefreshInterval (1 min)
    [InlineData(1, 5, false)]      // raised to RefreshInterval (10 s)
    public async Task Cache_control_max_age_is_honoured_within_bounds(int maxAgeSeconds, int advanceSeconds, bool refetched)
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("k1");
        provider.Publish(key);
        provider.MaxAge = TimeSpan.FromSeconds(maxAgeSeconds);
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));

        app.Time.Advance(TimeSpan.FromSeconds(advanceSeconds));
        await app.GetMeAsync(app.Token(key, provider.Authority));
        await app.Source.LastFetch;

        Assert.Equal(refetched ? 2 : 1, provider.JwksHits);
    }

    [Fact]
    public async Task Keys_rotated_by_the_provider_are_picked_up_by_the_periodic_refresh()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey old = JwksServer.NewRsaKey("old"), next = JwksServer.NewRsaKey("next");
        provider.Publish(old);
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));
        string oldToken = app.Token(old, provider.Authority);
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(oldToken));

        provider.Publish(next);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.GetMeAsync(oldToken);
        await app.Source.LastFetch;

        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(next, provider.Authority)));
        // The verified-token cache forgot the token the removed key verified.
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(oldToken));
    }

    [Fact]
    public async Task When_the_first_fetch_fails_requests_get_503_and_an_error_names_the_authority()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("k1");
        provider.Publish(key);
        provider.Fault = JwksFault.Status500;
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));

        using HttpResponseMessage response = await app.Client.SendAsync(Handler.TestApp.Get("/me", app.Token(key, provider.Authority)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(app.Log.Entries, e => e.Event.Id == 1001 && e.Level == LogLevel.Error
            && e.Message.Contains(provider.Authority, StringComparison.Ordinal) && e.Message.Contains("500", StringComparison.Ordinal));

        // Recovers without a restart once the provider answers (retried within 30 s while no keys are held).
        provider.Fault = JwksFault.None;
        app.Time.Advance(TimeSpan.FromSeconds(11));
        await app.GetMeAsync(app.Token(key, provider.Authority));
        await app.Source.LastFetch;
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(key, provider.Authority)));
    }

    [Fact]
    public async Task Keys_older_than_the_maximum_staleness_are_not_used()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("k1");
        provider.Publish(key);
        Dictionary<string, string?> settings = ProviderApp.Settings(provider.Authority);
        settings["Jwt:MaxKeyStaleness"] = "00:05:00";
        await using ProviderApp app = await ProviderApp.StartAsync(settings);
        provider.Fault = JwksFault.Status500;

        app.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(key, provider.Authority)));
        await app.Source.LastFetch;
        app.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await app.GetMeAsync(app.Token(key, provider.Authority)));
        Assert.Contains(app.Log.Entries, e => e.Event.Id == 1005);
    }

    [Fact]
    public async Task A_discovery_document_naming_another_issuer_is_not_trusted()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        JwtSigningKey key = JwksServer.NewRsaKey("k1");
        provider.Publish(key);
        provider.DiscoveryIssuer = "https://evil.example";
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await app.GetMeAsync(app.Token(key, provider.Authority)));
        Assert.Equal(0, provider.JwksHits);
        Assert.Contains(app.Log.Entries, e => e.Event.Id == 1001 && e.Message.Contains("evil.example", StringComparison.Ordinal));
    }
}
