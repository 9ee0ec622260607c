using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.AspNetCore.Tests.Handler;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Revocation;

/// <summary>
/// The bearer handler with AddRevocation, on TestServer: what is refused and with which answer, that the check runs on
/// verified-token cache hits, the failure policy with a store that throws or never answers, and the start-up checks.
/// </summary>
public sealed class HandlerRevocationTests
{
    private readonly TimerWatchingClock _clock = new();

    private async Task<WebApplication> StartAsync(Action<JwtRevocationOptions>? revocation = null, IJwtRevocationStore? store = null, ILoggerProvider? logs = null)
    {
        return await TestApp.StartAsync(
            TestApp.Settings(SampleKey.Create("EC").Jwk),
            app =>
            {
                app.MapGet("/me", (ValidatedJwt<AccessToken> jwt) => jwt.Payload.Subject);
                app.MapPost("/logout", async (ValidatedJwt<AccessToken> jwt, IJwtRevoker revoker) =>
                {
                    try
                    {
                        await revoker.RevokeAsync(jwt.Payload);
                        return Results.NoContent();
                    }
                    catch (JwtRevocationUnavailableException)
                    {
                        return Results.StatusCode(503);
                    }
                });
            },
            scheme: bearer => bearer.AddRevocation(revocation),
            services: services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                if (store is not null)
                {
                    services.AddSingleton(store);
                }

                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }
            });
    }

    private static async Task<HttpResponseMessage> Send(WebApplication app, HttpMethod method, string path, string token)
    {
        using HttpClient client = app.GetTestClient();
        HttpRequestMessage request = TestApp.Get(path, token);
        request.Method = method;
        return await client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static Task<HttpResponseMessage> Me(WebApplication app, string token) => Send(app, HttpMethod.Get, "/me", token);

    private static IJwtRevoker Revoker(WebApplication app) => app.Services.GetRequiredService<IJwtRevoker>();

    private static string Challenge(HttpResponseMessage response) => string.Join(" ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));

    [Fact]
    public async Task Logout_revokes_that_token_and_no_other()
    {
        await using WebApplication app = await StartAsync();
        string first = TestApp.Issue(app, "alice");
        string second = TestApp.Issue(app, "alice");

        Assert.Equal(HttpStatusCode.OK, (await Me(app, first)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(app, HttpMethod.Post, "/logout", first)).StatusCode);

        HttpResponseMessage refused = await Me(app, first);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("error_description=\"The token has been revoked.\"", Challenge(refused));
        Assert.Equal(HttpStatusCode.OK, (await Me(app, second)).StatusCode);
        Assert.Equal(1, Revoker(app).Statistics.Revoked);
    }

    [Fact]
    public async Task The_check_runs_when_the_token_comes_from_the_verified_token_cache()
    {
        await using WebApplication app = await StartAsync();
        string token = TestApp.Issue(app, "alice");
        Assert.Equal(HttpStatusCode.OK, (await Me(app, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Me(app, token)).StatusCode);
        IJwtValidator<AccessToken> validator = ((ResolvedBearer<AccessToken>)app.Services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>()
            .Get(TypedJwtBearerDefaults.AuthenticationScheme).Resolved!).Validator;
        long hits = validator.CacheStatistics!.Value.Hits;

        Assert.True(validator.TryValidate(token, out AccessToken? payload, out _));
        await Revoker(app).RevokeAsync(payload);
        long hitsBefore = validator.CacheStatistics!.Value.Hits;
        HttpResponseMessage refused = await Me(app, token);

        Assert.True(hits >= 1);
        Assert.Equal(hitsBefore + 1, validator.CacheStatistics!.Value.Hits);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", Challenge(refused));
    }

    [Fact]
    public async Task Log_out_everywhere_revokes_every_token_the_subject_had_and_none_issued_later()
    {
        await using WebApplication app = await StartAsync();
        string older = TestApp.Issue(app, "alice");
        _clock.Advance(TimeSpan.FromMinutes(1));
        string newer = TestApp.Issue(app, "alice");
        string bobs = TestApp.Issue(app, "bob");

        await Revoker(app).RevokeSubjectAsync(TestApp.Issuer, "alice");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(app, older)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(app, newer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Me(app, bobs)).StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Me(app, TestApp.Issue(app, "alice"))).StatusCode);
    }

    [Fact]
    public async Task Failing_closed_answers_503_with_Retry_After_and_no_challenge_and_recovers_with_the_store()
    {
        var store = new FlakyStore(_clock) { Failing = true };
        await using WebApplication app = await StartAsync(store: store);
        string token = TestApp.Issue(app, "alice");

        HttpResponseMessage refused = await Me(app, token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Empty(refused.Headers.WwwAuthenticate);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Send(app, HttpMethod.Post, "/logout", token)).StatusCode);

        store.Failing = false;
        Assert.Equal(HttpStatusCode.OK, (await Me(app, token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(app, HttpMethod.Post, "/logout", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(app, token)).StatusCode);
        JwtRevocationStatistics statistics = Revoker(app).Statistics;
        Assert.Equal((2L, 0L), (statistics.StoreFailures, statistics.FailedOpen));
    }

    [Fact]
    public async Task A_store_that_never_answers_is_given_up_at_the_timeout_on_the_scheme_clock()
    {
        var store = new SilentStore();
        await using WebApplication app = await StartAsync(o => o.Timeout = TimeSpan.FromSeconds(2), store);
        string token = TestApp.Issue(app, "alice");

        Task timeoutStarted = _clock.TimerOf(TimeSpan.FromSeconds(2));
        Task<HttpResponseMessage> pending = Me(app, token);
        await store.Asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await timeoutStarted.WaitAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await pending).StatusCode);
    }

    [Fact]
    public async Task Failing_open_accepts_the_token_logs_a_warning_and_counts_it()
    {
        var logs = new CollectingLoggerProvider();
        await using WebApplication app = await StartAsync(o => o.FailurePolicy = JwtRevocationFailurePolicy.FailOpen, new FlakyStore(_clock) { Failing = true }, logs);

        Assert.Equal(HttpStatusCode.OK, (await Me(app, TestApp.Issue(app, "alice"))).StatusCode);

        Assert.Equal(1, Revoker(app).Statistics.FailedOpen);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("FailOpen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_one_time_scheme_accepts_each_token_once()
    {
        await using WebApplication app = await StartAsync(o => o.OneTimeUse = true);
        string token = TestApp.Issue(app, "alice");

        Assert.Equal(HttpStatusCode.OK, (await Me(app, token)).StatusCode);
        HttpResponseMessage replay = await Me(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("already been used", Challenge(replay));
        Assert.Equal(HttpStatusCode.OK, (await Me(app, TestApp.Issue(app, "alice"))).StatusCode);
        Assert.Equal(1, Revoker(app).Statistics.Replayed);
    }

    [Theory]
    [InlineData("distributed-cache", false, "marks tokens used atomically")]
    [InlineData("memory", true, "cannot fail open")]
    public async Task Start_up_refuses_a_one_time_scheme_that_could_accept_a_token_twice(string storeKind, bool failOpen, string message)
    {
        IJwtRevocationStore store = storeKind == "memory"
            ? new InMemoryJwtRevocationStore(_clock)
            : new DistributedCacheJwtRevocationStore(new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions())));

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o =>
        {
            o.OneTimeUse = true;
            o.FailurePolicy = failOpen ? JwtRevocationFailurePolicy.FailOpen : JwtRevocationFailurePolicy.FailClosed;
        }, store));

        Assert.Contains(message, error.Message);
    }

    /// <summary>A fake clock that says when a timer of a given due time is created on it (the check's timeout).</summary>
    private sealed class TimerWatchingClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
    {
        private readonly TaskCompletionSource _timer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TimeSpan _dueTime = TimeSpan.MinValue;

        public Task TimerOf(TimeSpan dueTime)
        {
            _dueTime = dueTime;
            return _timer.Task;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == _dueTime)
            {
                _timer.TrySetResult();
            }

            return timer;
        }
    }

    /// <summary>An in-memory store that can be switched to throwing, like a store whose server went away.</summary>
    private sealed class FlakyStore(TimeProvider clock) : IJwtRevocationStore
    {
        private readonly InMemoryJwtRevocationStore _inner = new(clock);

        public bool Failing { get; set; }

        public bool CanMarkUsed => true;

        public ValueTask<bool> IsRevokedAsync(JwtRevocationClaims token, CancellationToken cancellationToken) =>
            Failing ? throw new InvalidOperationException("store down") : _inner.IsRevokedAsync(token, cancellationToken);

        public ValueTask RevokeTokenAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
            Failing ? ValueTask.FromException(new InvalidOperationException("store down")) : _inner.RevokeTokenAsync(issuer, tokenId, keepUntil, cancellationToken);

        public ValueTask RevokeSubjectAsync(string issuer, string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
            _inner.RevokeSubjectAsync(issuer, subject, issuedUpTo, keepUntil, cancellationToken);

        public ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
            _inner.RevokeSessionAsync(issuer, sessionId, issuedUpTo, keepUntil, cancellationToken);

        public ValueTask<bool> TryMarkUsedAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
            _inner.TryMarkUsedAsync(issuer, tokenId, keepUntil, cancellationToken);
    }

    /// <summary>A store that takes the question and never answers, like one behind a dropped connection.</summary>
    private sealed class SilentStore : IJwtRevocationStore
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CanMarkUsed => false;

        public ValueTask<bool> IsRevokedAsync(JwtRevocationClaims token, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            return new ValueTask<bool>(new TaskCompletionSource<bool>().Task);
        }

        public ValueTask RevokeTokenAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask RevokeSubjectAsync(string issuer, string subject, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask RevokeSessionAsync(string issuer, string sessionId, DateTimeOffset issuedUpTo, DateTimeOffset keepUntil, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> TryMarkUsedAsync(string issuer, string tokenId, DateTimeOffset keepUntil, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Collector(this);

        public void Dispose()
        {
        }

        private sealed class Collector(CollectingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (provider.Entries)
                {
                    provider.Entries.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
