using System.Net;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Dpop;

/// <summary>An instance behind a (notional) balancer: the fleet's key, Redis, and the public origin proofs name.</summary>
public sealed class DpopFleetMember(SampleKey key, string redis) : KestrelSample(key)
{
    public const string PublicOrigin = "https://api.fleet.test";

    protected override Dictionary<string, string?> Settings
    {
        get
        {
            Dictionary<string, string?> settings = base.Settings;
            settings["ConnectionStrings:Redis"] = redis;
            settings["Jwt:Dpop:PublicOrigin"] = PublicOrigin;
            return settings;
        }
    }
}

/// <summary>A real redis-server and two sample instances sharing it, one signing key and one public origin.</summary>
public sealed class DpopFleet : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public DpopFleetMember A { get; private set; } = null!;

    public DpopFleetMember B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        SampleKey key = SampleKey.Create("EC");
        A = new DpopFleetMember(key, Redis.Configuration);
        B = new DpopFleetMember(key, Redis.Configuration);
        await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync(), B.DisposeAsync());
        await Redis.DisposeAsync();
    }
}

/// <summary>
/// RFC 9449 §11.1 across a fleet: a proof's jti is spent in the shared Redis, so a proof accepted by one instance is refused
/// by the other; and htu is compared with the configured public origin, not the instance's own address.
/// </summary>
public sealed class SampleDpopFleetTests(DpopFleet fleet) : IClassFixture<DpopFleet>
{
    [Fact]
    public async Task Rfc9449_11_1_AProofAcceptedByOneInstance_IsRefusedByTheOther()
    {
        var a = new DpopClient(fleet.A, DpopFleetMember.PublicOrigin);
        var b = new DpopClient(fleet.B, DpopFleetMember.PublicOrigin) { Key = a.Key };
        string token = await a.TokenFor("alice", "alice-pass");
        string proof = a.Proof("GET", "/me", token);

        using HttpResponseMessage first = await a.Get("/me", token, proof);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using HttpResponseMessage replay = await b.Get("/me", token, proof);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("used before", replay.Headers.WwwAuthenticate.ToString());

        // The other instance accepts the same token with a fresh proof: only the proof was spent.
        using HttpResponseMessage fresh = await b.Get("/me", token, b.Proof("GET", "/me", token));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Rfc9449_4_3_BehindAProxy_HtuNamesThePublicOrigin_NotTheInstance()
    {
        var local = new DpopClient(fleet.A);
        var published = new DpopClient(fleet.A, DpopFleetMember.PublicOrigin) { Key = local.Key };
        string token = await published.TokenFor("alice", "alice-pass");

        using HttpResponseMessage instanceUrl = await local.Get("/me", token, local.Proof("GET", "/me", token));
        Assert.Equal(HttpStatusCode.Unauthorized, instanceUrl.StatusCode);
        using HttpResponseMessage publicUrl = await published.Get("/me", token, published.Proof("GET", "/me", token));
        Assert.Equal(HttpStatusCode.OK, publicUrl.StatusCode);
    }
}
