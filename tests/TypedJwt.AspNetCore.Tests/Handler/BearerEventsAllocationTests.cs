using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// A scheme without events allocates nothing for them: a request authenticated through <see cref="IAuthenticationService"/>
/// (a request scope, a new handler, a verified-token cache hit, the principal) allocates the same bytes on every request,
/// and fewer than the same request with an empty <see cref="TypedJwtBearerEvents{TPayload}"/> (whose contexts it skips).
/// </summary>
public sealed class BearerEventsAllocationTests
{
    private static readonly JwtSigningKey Key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, RandomNumberGenerator.GetBytes(32), "k1");

    [Fact]
    public void Without_events_the_request_allocates_a_fixed_amount_below_the_evented_one()
    {
        string authorization = "Bearer " + JwsWriter.Write(
            new AccessToken
            {
                Issuer = TestApp.Issuer,
                Audience = TestApp.Audience,
                Subject = "alice",
                IssuedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
                TokenId = "t-1",
                Roles = ["user"],
            },
            Key);
        IServiceProvider none = Services(events: null);
        IServiceProvider empty = Services(new TypedJwtBearerEvents<AccessToken>());

        long[] withoutEvents = [.. Enumerable.Range(0, 3).Select(_ => Allocated(none, authorization))];
        long withEvents = Allocated(empty, authorization);

        Assert.All(withoutEvents, bytes => Assert.Equal(withoutEvents[0], bytes));
        Assert.True(withoutEvents[0] < withEvents, $"without events {withoutEvents[0]} B, with empty events {withEvents} B");
    }

    private static long Allocated(IServiceProvider services, string authorization)
    {
        // The first requests fill the verified-token cache and the options, scheme and logger caches.
        for (int i = 0; i < 3; i++)
        {
            Authenticate(services, authorization);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        Authenticate(services, authorization);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Authenticate(IServiceProvider services, string authorization)
    {
        using IServiceScope scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = authorization;
        Task<AuthenticateResult> task = scope.ServiceProvider.GetRequiredService<IAuthenticationService>().AuthenticateAsync(context, TypedJwtBearerDefaults.AuthenticationScheme);
        Assert.True(task.IsCompletedSuccessfully, "the authentication went asynchronous");
        Assert.True(task.Result.Succeeded, task.Result.Failure?.Message);
    }

    private static IServiceProvider Services(TypedJwtBearerEvents<AccessToken>? events)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme).AddTypedJwtBearer<AccessToken>(options =>
        {
            options.SigningKey = Key;
            options.Issuer = TestApp.Issuer;
            options.Audience = TestApp.Audience;
            options.Events = events;
        });
        return services.BuildServiceProvider();
    }
}
