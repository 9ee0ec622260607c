using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StackExchange.Redis;
using TypedJwt.AspNetCore.Tests.Contract;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Revocation;

/// <summary>One instance of the sample in a fleet: its own process on Kestrel, with the fleet's key and Redis.</summary>
public sealed class FleetMember(SampleKey key, string redis) : KestrelSample(key)
{
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            Dictionary<string, string?> settings = base.Settings;
            settings["ConnectionStrings:Redis"] = redis;
            return settings;
        }
    }
}

/// <summary>A redis-server and two sample instances on Kestrel that share it and one signing key.</summary>
public sealed class SampleFleet : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public FleetMember A { get; private set; } = null!;

    public FleetMember B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        SampleKey key = SampleKey.Create("EC");
        A = new FleetMember(key, Redis.Configuration);
        B = new FleetMember(key, Redis.Configuration);
        await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync(), B.DisposeAsync());
        await Redis.DisposeAsync();
    }
}

/// <summary>
/// Two sample instances behind no balancer but sharing a real Redis behave as one service: a logout on one is a 401 on
/// the other, and a one-time token is accepted exactly once across both, however many requests race for it.
/// </summary>
public sealed class SampleFleetTests(SampleFleet fleet) : IClassFixture<SampleFleet>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_logout_on_one_instance_is_a_401_naming_revocation_on_the_other_and_lives_until_exp_plus_leeway()
    {
        string token = await fleet.A.TokenFor("alice", "alice-pass");
        using HttpResponseMessage before = await fleet.B.Get("/me", token);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using JsonDocument me = JsonDocument.Parse(await before.Content.ReadAsStringAsync());

        using HttpResponseMessage logout = await Post(fleet.A, "/logout", token);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        foreach (FleetMember instance in new[] { fleet.B, fleet.A })
        {
            using HttpResponseMessage after = await instance.Get("/me", token);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            Assert.Contains("error_description=\"The token has been revoked.\"", after.Headers.WwwAuthenticate.ToString());
        }

        // The entry is keyed by iss + jti and lives until exp + the 30 s default leeway.
        await using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(fleet.Redis.Configuration);
        string key = JwtRevocationKeys.Token(JwtRevocationKeys.DefaultPrefix, fleet.A.Issuer, me.RootElement.GetProperty("jti").GetString()!);
        TimeSpan? ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
        TimeSpan expected = DateTimeOffset.FromUnixTimeSeconds(me.RootElement.GetProperty("exp").GetInt64()).AddSeconds(30) - DateTimeOffset.UtcNow;
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, expected - TimeSpan.FromSeconds(10), expected + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_one_time_token_is_accepted_exactly_once_across_both_instances_under_concurrent_requests()
    {
        const int Tokens = 8;
        const int RequestsPerToken = 12;
        string access = await fleet.A.TokenFor("alice", "alice-pass");
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < Tokens; round++)
        {
            using HttpResponseMessage issued = await Post(fleet.A, "/one-time-token", access);
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            using JsonDocument body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
            string oneTime = body.RootElement.GetProperty("access_token").GetString()!;

            HttpResponseMessage[] answers = await Task.WhenAll(Enumerable.Range(0, RequestsPerToken)
                .Select(i => Post(i % 2 == 0 ? fleet.A : fleet.B, "/redeem", oneTime))).WaitAsync(Bound);

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a =>
            {
                Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
                Assert.Contains("already been used", a.Headers.WwwAuthenticate.ToString());
            });
            foreach (HttpResponseMessage answer in answers)
            {
                answer.Dispose();
            }
        }

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_one_time_token_is_no_access_token()
    {
        string access = await fleet.A.TokenFor("alice", "alice-pass");
        using HttpResponseMessage issued = await Post(fleet.A, "/one-time-token", access);
        using JsonDocument body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());

        using HttpResponseMessage me = await fleet.B.Get("/me", body.RootElement.GetProperty("access_token").GetString());
        using HttpResponseMessage redeem = await Post(fleet.B, "/redeem", access);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, redeem.StatusCode);
    }

    internal static Task<HttpResponseMessage> Post(SampleServer server, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return server.Client.SendAsync(request);
    }
}

/// <summary>A redis-server and one sample instance on it, for stopping and restarting the server under it.</summary>
public sealed class SampleOnRedis : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public FleetMember Sample { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        Sample = new FleetMember(SampleKey.Create("EC"), Redis.Configuration);
        await Sample.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Sample.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>
/// Redis stopped under a running sample: the documented policy (fail closed: 503, never 500, never a hang); Redis back on
/// the same port: the sample's checks and logouts work again by themselves.
/// </summary>
public sealed class SampleRedisFaultTests(SampleOnRedis setup) : IClassFixture<SampleOnRedis>
{
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stopped_Redis_fails_closed_with_503_in_bounded_time_and_restarted_Redis_works_again()
    {
        FleetMember sample = setup.Sample;
        string token = await sample.TokenFor("alice", "alice-pass");
        string other = await sample.TokenFor("admin", "admin-pass");
        Assert.Equal(HttpStatusCode.OK, (await sample.Get("/me", token)).StatusCode);

        setup.Redis.Stop();
        try
        {
            var clock = Stopwatch.StartNew();
            HttpResponseMessage[] during = await Task.WhenAll(
                sample.Get("/me", token), sample.Get("/me", other), sample.Get("/admin", other), SampleFleetTests.Post(sample, "/logout", token))
                .WaitAsync(PerRequest);

            Assert.True(clock.Elapsed < PerRequest, $"took {clock.Elapsed}");
            Assert.All(during, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
            Assert.NotNull(during[0].Headers.RetryAfter);

            // Signing in needs no store; the service stays up.
            Assert.Equal(HttpStatusCode.OK, (await sample.Login("alice", "alice-pass")).StatusCode);
        }
        finally
        {
            await setup.Redis.StartAsync();
        }

        await EventuallyOk(sample, token);
        Assert.Equal(HttpStatusCode.NoContent, (await SampleFleetTests.Post(sample, "/logout", token)).StatusCode);
        using HttpResponseMessage revoked = await sample.Get("/me", token);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("revoked", revoked.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, (await sample.Get("/me", other)).StatusCode);
    }

    // StackExchange.Redis reconnects by itself (the sample retries every second); until then checks still fail closed.
    private static async Task EventuallyOk(SampleServer sample, string token)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using HttpResponseMessage response = await sample.Get("/me", token).WaitAsync(PerRequest);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the sample did not recover within 30 s of Redis coming back");
            await Task.Delay(200);
        }
    }
}
