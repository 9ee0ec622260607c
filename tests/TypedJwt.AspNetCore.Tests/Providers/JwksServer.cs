using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>How the fault-injecting server answers the JWKS request.</summary>
public enum JwksFault
{
    None,
    Outage,
    Status500,
    Hang,
    EmptySet,
    InvalidJson,
    TenMegabytes,
}

/// <summary>
/// A fault-injecting identity provider on Kestrel at 127.0.0.1 on a port the OS picks: a discovery document and a JWK Set
/// whose contents, <c>Cache-Control</c>, issuer and failures the test sets, and a count of the requests each got.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _jwksHits;
    private int _discoveryHits;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The authority (no trailing slash), which is also the issuer the discovery document names unless <see cref="DiscoveryIssuer"/> is set.</summary>
    public string Authority => BaseAddress.ToString().TrimEnd('/');

    public string JwksUri => Authority + "/jwks";

    public string? DiscoveryIssuer { get; set; }

    public volatile string Jwks = """{"keys":[]}""";

    public TimeSpan? MaxAge { get; set; }

    public JwksFault Fault { get; set; }

    public int JwksHits => Volatile.Read(ref _jwksHits);

    public int DiscoveryHits => Volatile.Read(ref _discoveryHits);

    /// <summary>Lets the requests <see cref="JwksFault.Hang"/> holds answer (with a 500).</summary>
    public void ReleaseHungRequests() => _release.TrySetResult();

    public void Publish(params JwtSigningKey[] keys) => Jwks = new JwtKeySet(keys).ToPublicJwks();

    public static async Task<JwksServer> StartAsync()
    {
        var server = new JwksServer();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._discoveryHits);
            return Results.Json(new Dictionary<string, string>
            {
                ["issuer"] = server.DiscoveryIssuer ?? server.Authority,
                ["jwks_uri"] = server.JwksUri,
            });
        });
        app.MapGet("/jwks", server.AnswerJwksAsync);
        await app.StartAsync();
        server._app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    private async Task AnswerJwksAsync(HttpContext context)
    {
        Interlocked.Increment(ref _jwksHits);
        if (MaxAge is { } maxAge)
        {
            context.Response.Headers.CacheControl = $"public, max-age={(long)maxAge.TotalSeconds}";
        }

        switch (Fault)
        {
            case JwksFault.Outage:
                context.Abort();
                return;
            case JwksFault.Status500:
                context.Response.StatusCode = 500;
                return;
            case JwksFault.Hang:
                await _release.Task.WaitAsync(context.RequestAborted);
                context.Response.StatusCode = 500;
                return;
            case JwksFault.EmptySet:
                await context.Response.WriteAsync("""{"keys":[]}""");
                return;
            case JwksFault.InvalidJson:
                await context.Response.WriteAsync("""{"keys":[{"kty":""");
                return;
            case JwksFault.TenMegabytes:
                // No Content-Length: the reader has to stop by counting.
                byte[] chunk = new byte[64 * 1024];
                chunk.AsSpan().Fill((byte)' ');
                await context.Response.WriteAsync("""{"keys":[],"padding":" """);
                for (int i = 0; i < 160 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }

                return;
            default:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Jwks);
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public static JwtSigningKey NewRsaKey(string kid) => JwtSigningKey.FromRsa(RSA.Create(2048), JwsAlgorithm.RS256, kid);

    public static JwtSigningKey NewEcKey(string kid) => JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256, kid);
}
