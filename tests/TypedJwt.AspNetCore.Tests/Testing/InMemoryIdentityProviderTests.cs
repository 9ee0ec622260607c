using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore.Tests.Handler;
using TypedJwt.SampleApi;
using TypedJwt.Testing;

namespace TypedJwt.AspNetCore.Tests.Testing;

/// <summary>
/// TypedJwt.Testing's in-memory identity provider: a scheme with <c>Authority</c> gets its discovery document and keys
/// from it instead of the network, validates the tokens it signs, follows its key rotation, and the fetches show in the
/// <c>TypedJwt</c> meter and activity source.
/// </summary>
public sealed class InMemoryIdentityProviderTests
{
    private const string Audience = "in-memory-provider-tests";

    [Fact]
    public async Task A_scheme_with_its_Authority_validates_its_tokens_follows_a_rotation_and_reports_the_fetches()
    {
        var provider = new InMemoryIdentityProvider();
        var fetchSpans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TypedJwtTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (fetchSpans) { fetchSpans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using WebApplication app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["Jwt:Authority"] = provider.Issuer, ["Jwt:Audience"] = Audience },
            map: a => a.MapGet("/me", () => "ok").RequireAuthorization(),
            services: s => s.AddInMemoryIdentityProvider(provider));
        using var fetches = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), TypedJwtTelemetry.Name, "typedjwt.keys.fetches");
        RemoteJwtKeySource source = app.Services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>().Get(TypedJwtBearerDefaults.AuthenticationScheme).KeySources[0];
        await source.LastFetch;
        using HttpClient client = app.GetTestClient();

        using HttpResponseMessage before = await client.SendAsync(TestApp.Get("/me", Token(provider)));
        provider.RotateSigningKey();
        string rotated = Token(provider);
        using HttpResponseMessage unknownKey = await client.SendAsync(TestApp.Get("/me", rotated));
        await source.LastFetch;
        using HttpResponseMessage after = await client.SendAsync(TestApp.Get("/me", rotated));
        using HttpResponseMessage forged = await client.SendAsync(TestApp.Get("/me", JwsWriter.Write(Payload(provider), JwtSigningKey.FromECDsa(
            System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256, provider.SigningKey.KeyId))));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);   // judged by the keys held; the refetch runs beside it
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(2, provider.JwksRequests);
        IReadOnlyList<CollectedMeasurement<long>> counted = fetches.GetMeasurementSnapshot();
        Assert.InRange(counted.Count, 1, 2);   // the start-up fetch may have ended before the collector was made
        Assert.All(counted, m => Assert.Equal(("success", provider.Issuer), (m.Tags["typedjwt.result"], m.Tags["typedjwt.authority"])));
        lock (fetchSpans)
        {
            Assert.Equal(2, fetchSpans.Count(a => a.OperationName == "TypedJwt.FetchKeys" && a.Status != ActivityStatusCode.Error));
        }
    }

    private static AccessToken Payload(InMemoryIdentityProvider provider) => new()
    {
        Issuer = provider.Issuer,
        Audience = Audience,
        Subject = "alice",
        IssuedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
        TokenId = Guid.NewGuid().ToString("N"),
        Roles = ["user"],
    };

    private static string Token(InMemoryIdentityProvider provider) => provider.Issue(Payload(provider));
}
