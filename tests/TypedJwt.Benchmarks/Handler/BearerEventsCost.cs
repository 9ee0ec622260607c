using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TypedJwt.AspNetCore;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Handler;

/// <summary>
/// What typed events cost a request: one authentication through ASP.NET Core's <see cref="IAuthenticationService"/>, as
/// the authentication middleware runs it (a request scope, a new handler, the HS256 token validated, a verified-token cache hit, the
/// principal built), for a scheme without events (<c>Authenticate_NoEvents</c>, the reference), with an empty
/// <see cref="TypedJwtBearerEvents{TPayload}"/>, and with a <c>TokenValidated</c> that reads the typed payload.
/// </summary>
[MemoryDiagnoser]
public class BearerEventsCost
{
    private IServiceProvider[] _providers = null!;
    private string _authorization = null!;

    [GlobalSetup]
    public void Setup()
    {
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, RandomNumberGenerator.GetBytes(32), "k1");
        _authorization = "Bearer " + JwsWriter.Write(new TokenClaims().ToTyped(), key);
        _providers =
        [
            Services(key, events: null),
            Services(key, new TypedJwtBearerEvents<AccessToken>()),
            Services(key, new TypedJwtBearerEvents<AccessToken>
            {
                OnTokenValidated = static c => c.Payload.Roles.Length == 0 ? Fail(c) : Task.CompletedTask,
            }),
        ];
        foreach (IServiceProvider provider in _providers)
        {
            if (!Authenticate(provider).GetAwaiter().GetResult())
            {
                throw new InvalidOperationException("a benchmark refused the token");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "authenticate, no events")]
    public Task<bool> Authenticate_NoEvents() => Authenticate(_providers[0]);

    [Benchmark(Description = "authenticate, empty TypedJwtBearerEvents")]
    public Task<bool> Authenticate_EmptyEvents() => Authenticate(_providers[1]);

    [Benchmark(Description = "authenticate, TokenValidated reads the payload")]
    public Task<bool> Authenticate_TokenValidated() => Authenticate(_providers[2]);

    private static Task Fail(TokenValidatedContext<AccessToken> context)
    {
        context.Fail("no roles");
        return Task.CompletedTask;
    }

    private async Task<bool> Authenticate(IServiceProvider services)
    {
        // A scope per request, as the host makes one: the handler provider is scoped and keeps its handlers for the request.
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = _authorization;
        AuthenticateResult result = await scope.ServiceProvider.GetRequiredService<IAuthenticationService>()
            .AuthenticateAsync(context, TypedJwtBearerDefaults.AuthenticationScheme);
        return result.Succeeded;
    }

    private static IServiceProvider Services(JwtSigningKey key, TypedJwtBearerEvents<AccessToken>? events)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme).AddTypedJwtBearer<AccessToken>(options =>
        {
            options.SigningKey = key;
            options.Issuer = TokenClaims.Issuer;
            options.Audience = TokenClaims.Audience;
            options.Events = events;
        });
        return services.BuildServiceProvider();
    }
}
