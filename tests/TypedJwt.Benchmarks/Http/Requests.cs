extern alias sample;

using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace TypedJwt.Benchmarks.Http;

/// <summary>
/// Bytes allocated per request through the whole ASP.NET Core pipeline, in process (TestServer: no sockets, the same
/// request context machinery for both hosts): the sample API as it ships (<c>WebApplicationFactory</c> over its own
/// <c>Program</c>) against an ASP.NET Core JwtBearer host with the same contract and key (<see cref="JwtBearerHost"/>).
/// <c>GET /me</c> with a valid token (the verified-token cache warm, as for a client sending its token again), and the
/// anonymous <c>GET /.well-known/jwks.json</c> as the floor every request pays. Read the Allocated column; the server CPU
/// per request over real HTTP comes from <c>--http</c> (<see cref="HttpRun"/>).
/// </summary>
[MemoryDiagnoser]
public class Requests
{
    private WebApplicationFactory<sample::Program> _sample = null!;
    private WebApplication _bearer = null!;
    private TestServer _sampleServer = null!;
    private TestServer _bearerServer = null!;
    private string _authorization = null!;

    [Params("HS256", "ES256")]
    public string Algorithm { get; set; } = "HS256";

    [GlobalSetup]
    public void Setup()
    {
        var keys = new HostKeys(Algorithm);

        // The factory finds the sample's content root through MvcTestingAppManifest.json in the current directory.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        _sample = new WebApplicationFactory<sample::Program>().WithWebHostBuilder(host => host
            .UseSetting("Jwt:SigningKey", keys.Jwk)
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)));
        _sampleServer = _sample.Server;

        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _bearer = JwtBearerHost.Build(builder, keys.Jwk);
        _bearer.StartAsync().GetAwaiter().GetResult();
        _bearerServer = _bearer.GetTestServer();
        _authorization = "Bearer " + keys.Token();

        foreach (TestServer server in new[] { _sampleServer, _bearerServer })
        {
            Require(Send(server, "/me", _authorization).GetAwaiter().GetResult() == 200, "a valid token is not accepted");
            Require(Send(server, "/me", null).GetAwaiter().GetResult() == 401, "a request without a token is not refused");
            Require(Send(server, "/.well-known/jwks.json", null).GetAwaiter().GetResult() == 200, "the anonymous route fails");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sample.Dispose();
        _bearer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "TypedJwt sample: GET /me, bearer token")]
    public Task<int> Me_TypedJwt() => Send(_sampleServer, "/me", _authorization);

    [Benchmark(Baseline = true, Description = "JwtBearer host: GET /me, bearer token")]
    public Task<int> Me_JwtBearer() => Send(_bearerServer, "/me", _authorization);

    [Benchmark(Description = "TypedJwt sample: anonymous GET")]
    public Task<int> Anonymous_TypedJwt() => Send(_sampleServer, "/.well-known/jwks.json", null);

    [Benchmark(Description = "JwtBearer host: anonymous GET")]
    public Task<int> Anonymous_JwtBearer() => Send(_bearerServer, "/.well-known/jwks.json", null);

    private static async Task<int> Send(TestServer server, string path, string? authorization)
    {
        HttpContext context = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            if (authorization is not null)
            {
                c.Request.Headers.Authorization = authorization;
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
}
