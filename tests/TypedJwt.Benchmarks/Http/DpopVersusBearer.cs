extern alias sample;

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TypedJwt.Benchmarks.Http;

/// <summary>
/// What DPoP (RFC 9449) adds to a request, in process through the sample's whole pipeline (TestServer): <c>GET /me</c> with
/// a plain bearer token against <c>GET /me</c> with <c>Authorization: DPoP</c> and a proof (ES256 over P-256), whose
/// validation imports the proof's key, verifies its signature, checks htm/htu/iat/ath and cnf.jkt, and marks its jti.
/// The replay store answers "first use" every time so one proof can be sent again (the in-memory store's own cost is a
/// dictionary insert, measured in RevocationCheck); the clock is fixed so the proof never goes stale during the run.
/// </summary>
[MemoryDiagnoser]
public class DpopVersusBearer
{
    private WebApplicationFactory<sample::Program> _sample = null!;
    private TestServer _server = null!;
    private string _bearer = null!;
    private string _dpop = null!;
    private string _proof = null!;

    [GlobalSetup]
    public void Setup()
    {
        var keys = new HostKeys("ES256");
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        _sample = new WebApplicationFactory<sample::Program>().WithWebHostBuilder(host => host
            .UseSetting("Jwt:SigningKey", keys.Jwk)
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IJwtRevocationStore>(new EveryUseIsFirst());
            }));
        _server = _sample.Server;
        using HttpClient client = _sample.CreateClient();
        JwtSigningKey clientKey = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256);
        string Token(string? proof)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/token") { Content = JsonContent.Create(new { username = "alice", password = "alice-pass" }) };
            if (proof is not null)
            {
                request.Headers.Add("DPoP", proof);
            }

            using HttpResponseMessage response = client.SendAsync(request).GetAwaiter().GetResult();
            Require(response.IsSuccessStatusCode, "the sample issues no token");
            return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty("access_token").GetString()!;
        }

        _bearer = "Bearer " + Token(null);
        string bound = Token(DpopProofWriter.Write(clientKey, "POST", "http://localhost/token", issuedAt: clock.GetUtcNow()));
        _dpop = "DPoP " + bound;
        _proof = DpopProofWriter.Write(clientKey, "GET", "http://localhost/me", bound, issuedAt: clock.GetUtcNow());
        Require(Bearer().GetAwaiter().GetResult() == 200, "the bearer request is refused");
        Require(Dpop().GetAwaiter().GetResult() == 200, "the DPoP request is refused");
    }

    [GlobalCleanup]
    public void Cleanup() => _sample.Dispose();

    [Benchmark(Baseline = true, Description = "GET /me, Bearer token")]
    public Task<int> Bearer() => Send(_bearer, null);

    [Benchmark(Description = "GET /me, DPoP token + proof (ES256)")]
    public Task<int> Dpop() => Send(_dpop, _proof);

    private async Task<int> Send(string authorization, string? proof)
    {
        HttpContext context = await _server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/me";
            c.Request.Headers.Authorization = authorization;
            if (proof is not null)
            {
                c.Request.Headers["DPoP"] = proof;
            }
        });
        return context.Response.StatusCode;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup check failed: {what}.");
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class EveryUseIsFirst : IJwtRevocationStore
    {
        public bool CanMarkUsed => true;

        public ValueTask<bool> IsRevokedAsync(JwtRevocationClaims token, CancellationToken cancellationToken) => new(false);

        public ValueTask RevokeTokenAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken) => default;

        public ValueTask RevokeSubjectAsync(string issuer, string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) => default;

        public ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) => default;

        public ValueTask<bool> TryMarkUsedAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken) => new(true);
    }
}
