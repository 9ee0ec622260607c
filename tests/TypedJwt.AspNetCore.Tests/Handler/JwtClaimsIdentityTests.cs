using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text.Json;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// The identity's claims come from the typed payload, not from the token: the documented mapping for every claim kind,
/// projected once and only when something asks for a claim, and kept through the claims APIs that copy or change them.
/// </summary>
public sealed class JwtClaimsIdentityTests
{
    private static ProfileToken Profile() => new()
    {
        Issuer = "https://issuer.example",
        Audience = new JwtAudience("api", "web"),
        Subject = "alice",
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(2_000_000_000),
        Roles = ["admin", "user"],
        Level = 42,
        Ratio = 0.5,
        Credit = 12.50m,
        Verified = true,
        TenantId = new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        Tier = Tier.Gold,
        Joined = new DateOnly(2020, 2, 29),
        Homepage = new Uri("https://alice.example/"),
        Nickname = null,
        Scope = new JwtScope("read", "write"),
        Location = new Location { City = "Oslo", Floor = 3 },
    };

    private static JwtClaimsIdentity<T> Identity<T>(T payload)
        where T : IJwtPayload<T> => new(payload, "Bearer", "sub", "roles", "issuer-of-claims");

    [Fact]
    public void Each_claim_kind_maps_as_documented()
    {
        string[] claims = [.. Identity(Profile()).Claims.Select(c => $"{c.Type}={c.Value}|{c.ValueType}")];

        Assert.Equal(
        [
            "iss=https://issuer.example|" + ClaimValueTypes.String,
            "aud=api|" + ClaimValueTypes.String,
            "aud=web|" + ClaimValueTypes.String,
            "sub=alice|" + ClaimValueTypes.String,
            "exp=2000000000|" + ClaimValueTypes.Integer64,
            "roles=admin|" + ClaimValueTypes.String,
            "roles=user|" + ClaimValueTypes.String,
            "level=42|" + ClaimValueTypes.Integer64,
            "ratio=0.5|" + ClaimValueTypes.Double,
            "credit=12.50|" + ClaimValueTypes.Double,
            "verified=true|" + ClaimValueTypes.Boolean,
            "tenant_id=6f9619ff-8b86-d011-b42d-00cf4fc964ff|" + ClaimValueTypes.String,
            "tier=Gold|" + ClaimValueTypes.String,
            "joined=2020-02-29|" + ClaimValueTypes.String,
            "homepage=https://alice.example/|" + ClaimValueTypes.String,
            "scope=read write|" + ClaimValueTypes.String,
            """location={"city":"Oslo","floor":3}|JSON""",
        ], claims);
        Assert.All(Identity(Profile()).Claims, c => Assert.Equal("issuer-of-claims", c.Issuer));
    }

    [Fact]
    public void The_claims_APIs_read_the_projection()
    {
        var principal = new ClaimsPrincipal(Identity(Profile()));

        Assert.Equal("alice", principal.Identity!.Name);
        Assert.True(principal.IsInRole("admin"));
        Assert.False(principal.IsInRole("root"));
        Assert.True(principal.HasClaim("tier", "Gold"));
        Assert.Equal("42", principal.FindFirst("level")?.Value);
        Assert.Equal(["api", "web"], principal.FindAll("aud").Select(c => c.Value));
        Assert.Null(principal.FindFirst("nickname"));
    }

    [Fact]
    public void Claims_are_projected_once_and_only_when_asked_for()
    {
        var payload = new CountingPayload();
        var identity = Identity(payload);

        // Signing in (the handler, the authorization of an authenticated user) reads no claim.
        Assert.True(identity.IsAuthenticated);
        Assert.Equal("Bearer", identity.AuthenticationType);
        Assert.Equal(0, payload.Visits);

        Assert.Equal("alice", identity.Name);
        Assert.True(new ClaimsPrincipal(identity).IsInRole("admin"));
        _ = identity.Claims.ToList();
        Assert.Equal(1, payload.Visits);
    }

    [Fact]
    public void Clone_added_and_removed_claims_keep_the_projection()
    {
        var payload = new CountingPayload();
        var identity = Identity(payload);

        identity.AddClaim(new Claim("extra", "1"));
        var clone = (JwtClaimsIdentity<CountingPayload>)identity.Clone();
        Assert.Equal(["sub", "roles", "extra"], clone.Claims.Select(c => c.Type));
        Assert.Same(payload, clone.Payload);

        Assert.True(clone.TryRemoveClaim(clone.FindFirst("roles")));
        Assert.Equal(["sub", "extra"], clone.Claims.Select(c => c.Type));
        Assert.Equal(["sub", "roles", "extra"], identity.Claims.Select(c => c.Type));
        Assert.Equal(1, payload.Visits);
    }

    [Fact]
    public async Task Concurrent_first_reads_project_once()
    {
        using var gate = new ManualResetEventSlim();
        var payload = new CountingPayload { Gate = gate };
        var identity = Identity(payload);
        int started = 0;

        // The first reader projects and is held inside the projection; the others arrive while it is in progress.
        // Dedicated threads: readers that wait must not wait for the thread pool to grow.
        Task<int> Read(Func<int> read) => Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Task<int> first = Read(() => identity.Claims.Count());
        Assert.True(SpinWait.SpinUntil(() => payload.Visits == 1, TimeSpan.FromSeconds(10)));
        Task<int>[] others = [.. Enumerable.Range(0, 3).Select(_ => Read(() =>
        {
            Interlocked.Increment(ref started);
            return identity.Claims.Count();
        }))];
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref started) == 3, TimeSpan.FromSeconds(10)));
        gate.Set();

        int[] counts = await Task.WhenAll(others.Prepend(first));

        Assert.All(counts, count => Assert.Equal(2, count));
        Assert.Equal(1, payload.Visits);
    }

    /// <summary>A payload that counts how often its claims are visited.</summary>
    private sealed class CountingPayload : IJwtPayload<CountingPayload>
    {
        private int _visits;

        public static string? TokenType => null;

        public int Visits => _visits;

        public ManualResetEventSlim? Gate { get; init; }

        public void VisitClaims(IJwtClaimVisitor visitor)
        {
            Interlocked.Increment(ref _visits);
            Gate?.Wait(TimeSpan.FromSeconds(10));
            visitor.VisitString("sub", "alice");
            visitor.VisitString("roles", "admin");
        }

        public void WriteJson(Utf8JsonWriter writer) => throw new NotSupportedException("Not needed by these tests.");

        public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out CountingPayload value, out JwtError error) =>
            throw new NotSupportedException("Not needed by these tests.");

        public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, ref JwtRegisteredClaims registered, [MaybeNullWhen(false)] out CountingPayload value, out JwtError error) =>
            throw new NotSupportedException("Not needed by these tests.");

        public JwtError ValidateConstraints() => default;
    }
}
