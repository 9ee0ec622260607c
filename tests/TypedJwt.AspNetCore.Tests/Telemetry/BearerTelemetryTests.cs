using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TypedJwt.AspNetCore.Tests.Handler;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Telemetry;

/// <summary>
/// The <c>TypedJwt</c> meter and the handler's log events, as an operator sees them: validations counted by scheme,
/// result and error code; the verified-token cache's hits and misses; a refusal logged at Debug with its code and claim
/// name, never the token.
/// </summary>
public sealed class BearerTelemetryTests
{
    private static Task<WebApplication> StartAsync(SampleKey? key = null) =>
        TestApp.StartAsync(
            TestApp.Settings((key ?? SampleKey.Create("EC")).Jwk),
            app => app.MapGet("/me", () => "ok").RequireAuthorization(),
            services: s => s.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug)));

    [Fact]
    public async Task Validations_are_counted_by_scheme_result_and_error_code()
    {
        await using WebApplication app = await StartAsync();
        using var validations = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), TypedJwtTelemetry.Name, TypedJwtTelemetry.ValidationsInstrument);
        using HttpClient client = app.GetTestClient();
        string token = TestApp.Issue(app, "alice");

        (await client.SendAsync(TestApp.Get("/me", token))).Dispose();
        (await client.SendAsync(TestApp.Get("/me", token))).Dispose();
        (await client.SendAsync(TestApp.Get("/me", "not-a-token"))).Dispose();
        (await client.SendAsync(TestApp.Get("/me", token: null))).Dispose();

        IReadOnlyList<CollectedMeasurement<long>> measurements = validations.GetMeasurementSnapshot();
        Assert.Equal(3, measurements.Count);
        Assert.Equal(2, measurements.Count(m => m.MatchesTags(new KeyValuePair<string, object?>("typedjwt.result", "success"), new KeyValuePair<string, object?>("typedjwt.scheme", "Bearer"))));
        CollectedMeasurement<long> failure = Assert.Single(measurements, m => m.Tags["typedjwt.result"] is "failure");
        Assert.Equal("MalformedToken", failure.Tags["error.code"]);
        Assert.Equal("Bearer", failure.Tags["typedjwt.scheme"]);
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public async Task The_verified_token_cache_reports_its_hits_and_misses()
    {
        await using WebApplication app = await StartAsync();
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var hits = new MetricCollector<long>(meters, TypedJwtTelemetry.Name, "typedjwt.cache.hits");
        using var misses = new MetricCollector<long>(meters, TypedJwtTelemetry.Name, "typedjwt.cache.misses");
        using HttpClient client = app.GetTestClient();
        string token = TestApp.Issue(app, "alice");

        for (int i = 0; i < 3; i++)
        {
            (await client.SendAsync(TestApp.Get("/me", token))).Dispose();
        }

        hits.RecordObservableInstruments();
        misses.RecordObservableInstruments();
        Assert.Equal(2, hits.LastMeasurement?.Value);
        Assert.Equal(1, misses.LastMeasurement?.Value);
        Assert.Equal("Bearer", hits.LastMeasurement?.Tags["typedjwt.scheme"]);
    }

    [Fact]
    public async Task A_refusal_is_logged_at_debug_with_its_code_and_claim_and_never_the_token()
    {
        SampleKey key = SampleKey.Create("EC");
        await using WebApplication app = await StartAsync(key);
        FakeLogCollector logs = app.Services.GetFakeLogCollector();
        using HttpClient client = app.GetTestClient();
        string token = TestApp.Issue(app, "alice");
        string[] parts = token.Split('.');
        string wrongAudience = JwsWriter.Write(
            new TypedJwt.SampleApi.AccessToken
            {
                Issuer = TestApp.Issuer, Audience = "someone-else", Subject = "alice", IssuedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5), TokenId = "t-1", Roles = [],
            },
            key.Signing);

        (await client.SendAsync(TestApp.Get("/me", wrongAudience))).Dispose();
        (await client.SendAsync(TestApp.Get("/me", parts[0] + "." + parts[1] + ".AAAA"))).Dispose();

        FakeLogRecord[] refusals = [.. logs.GetSnapshot().Where(r => r.Category == "TypedJwt.AspNetCore.TypedJwtBearerHandler")];
        Assert.Equal(2, refusals.Length);
        Assert.All(refusals, r => Assert.Equal((LogLevel.Debug, 1), (r.Level, r.Id.Id)));
        Assert.Contains(refusals, r => r.Message.EndsWith("InvalidAudience (aud).", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Message.Contains("InvalidSignature", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains(parts[1], StringComparison.Ordinal) || r.Message.Contains("alice", StringComparison.Ordinal));
        Assert.All(refusals, r => Assert.Equal("Bearer", r.StructuredState!.Single(p => p.Key == "Scheme").Value));
    }
}
