using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.AspNetCore.Tests.Handler;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>
/// The handler test app (TestServer) validating tokens of a loopback provider, on a <see cref="FakeTimeProvider"/> that only
/// the test moves, with a log the test reads. <c>GET /me</c> needs a valid token.
/// </summary>
public sealed class ProviderApp : IAsyncDisposable
{
    public const string Audience = "provider-tests";

    private ProviderApp(WebApplication app, FakeTimeProvider time, LogCollector log)
    {
        App = app;
        Time = time;
        Log = log;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public LogCollector Log { get; }

    public HttpClient Client { get; }

    public TypedJwtBearerOptions Options => App.Services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>().Get(TypedJwtBearerDefaults.AuthenticationScheme);

    /// <summary>The scheme's first remote key source.</summary>
    internal RemoteJwtKeySource Source => Options.KeySources[0];

    /// <summary>Settings for one provider: RefreshInterval 10 s, AutomaticRefreshInterval 1 min, http on loopback.</summary>
    public static Dictionary<string, string?> Settings(string authority, string? issuer = null) => new()
    {
        ["Jwt:Authority"] = authority,
        ["Jwt:Issuer"] = issuer,
        ["Jwt:Audience"] = Audience,
        ["Jwt:RequireHttpsMetadata"] = "false",
        ["Jwt:RefreshInterval"] = "00:00:10",
        ["Jwt:AutomaticRefreshInterval"] = "00:01:00",
    };

    public static async Task<ProviderApp> StartAsync(Dictionary<string, string?> settings, Action<TypedJwtBearerOptions>? configure = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new LogCollector();
        WebApplication app = await TestApp.StartAsync(
            settings,
            map: a => a.MapGet("/me", () => "ok").RequireAuthorization(),
            configure: configure,
            services: s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<ILoggerProvider>(log);
            });
        var started = new ProviderApp(app, time, log);
        foreach (RemoteJwtKeySource source in started.Options.KeySources)
        {
            await source.LastFetch;
        }

        return started;
    }

    /// <summary>A token the sample's <c>AccessToken</c> accepts, valid for a day of the fake clock.</summary>
    public string Token(JwtSigningKey key, string issuer, string? kid = null, string alg = "RS256") =>
        TokenForge.Sign(
            TokenForge.Header(alg, kid ?? key.KeyId),
            TokenForge.Payload(issuer, Audience, expiresAt: Time.GetUtcNow().AddDays(1), issuedAt: Time.GetUtcNow()),
            key);

    public async Task<System.Net.HttpStatusCode> GetMeAsync(string token)
    {
        using HttpResponseMessage response = await Client.SendAsync(TestApp.Get("/me", token));
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Collects log lines (category, event id, level, message) for assertions.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(string Category, EventId Event, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((category, eventId, logLevel, formatter(state, exception)));
    }
}
