using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore;

namespace TypedJwt.Testing;

/// <summary>Test helpers for applications that use <c>AddTypedJwtBearer</c>.</summary>
public static class TypedJwtTestingExtensions
{
    /// <summary>
    /// Replaces the scheme's keys in the application under test with an ephemeral ES256 test key, and hands back the factory
    /// of tokens that key signs, with the scheme's own issuer and audience. The application's configured keys (production
    /// secrets) are never needed by the test.
    /// </summary>
    /// <typeparam name="TEntryPoint">The application's entry point type.</typeparam>
    /// <typeparam name="TPayload">The scheme's payload type.</typeparam>
    /// <param name="factory">The application factory.</param>
    /// <param name="createPayload">Builds the payload from the registered values.</param>
    /// <param name="tokens">The token factory for the test key.</param>
    /// <param name="authenticationScheme">The TypedJwt scheme's name.</param>
    /// <returns>A factory whose application validates with the test key.</returns>
    public static WebApplicationFactory<TEntryPoint> WithTestTokens<TEntryPoint, TPayload>(
        this WebApplicationFactory<TEntryPoint> factory,
        Func<JwtIssueContext, TPayload> createPayload,
        out TestTokens<TPayload> tokens,
        string authenticationScheme = TypedJwtBearerDefaults.AuthenticationScheme)
        where TEntryPoint : class
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(createPayload);
        string keyId = "test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        JwtSigningKey key = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256, keyId);

        WebApplicationFactory<TEntryPoint> configured = factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.Configure<TypedJwtBearerOptions>(authenticationScheme, options =>
            {
                // Runs after the application's own settings and before the scheme resolves them.
                options.SigningKey = key;
                options.ValidationKeys = null;
            })));
        tokens = new TestTokens<TPayload>(
            key,
            () =>
            {
                TypedJwtBearerOptions options = configured.Services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>().Get(authenticationScheme);
                string issuer = options.Issuer ?? throw new InvalidOperationException($"Scheme '{authenticationScheme}' names no issuer.");
                string audience = options.Audience ?? throw new InvalidOperationException($"Scheme '{authenticationScheme}' names no audience.");
                return (issuer, audience);
            },
            createPayload,
            timeProvider: null);
        return configured;
    }

    /// <summary>
    /// Routes the requests TypedJwt schemes make to identity providers (discovery documents and JWK Sets, the
    /// <see cref="TypedJwtBearerDefaults.MetadataHttpClientName"/> client) to <paramref name="provider"/> instead of the
    /// network; set the scheme's <c>Authority</c> to <see cref="InMemoryIdentityProvider.Issuer"/> (or <c>JwksUri</c> to its
    /// <see cref="InMemoryIdentityProvider.JwksUri"/>).
    /// </summary>
    public static IServiceCollection AddInMemoryIdentityProvider(this IServiceCollection services, InMemoryIdentityProvider provider)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(provider);
        services.AddHttpClient(TypedJwtBearerDefaults.MetadataHttpClientName).ConfigurePrimaryHttpMessageHandler(provider.CreateHandler);
        return services;
    }

    /// <summary>Sends <c>Authorization: Bearer <paramref name="token"/></c> with every request of <paramref name="client"/>; returns the client.</summary>
    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(token);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
