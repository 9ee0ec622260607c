using System;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TypedJwt;
using TypedJwt.AspNetCore;

// In the namespace users already import for AddAuthentication, like TypedJwtBearerExtensions.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Revocation and replay protection for TypedJwt bearer schemes, and the stores it keeps its state in.</summary>
public static class JwtRevocationExtensions
{
    /// <summary>
    /// Checks every token the scheme accepts against a <see cref="IJwtRevocationStore"/> (after every other check, on
    /// verified-token cache hits too), and registers <see cref="IJwtRevoker"/> for the scheme: unkeyed for the first scheme
    /// that adds revocation, keyed by the scheme's name for every one. The store is <see cref="JwtRevocationOptions.Store"/>,
    /// else the registered <see cref="IJwtRevocationStore"/>, else an in-memory store of this process.
    /// </summary>
    public static TypedJwtBearerBuilder AddRevocation(this TypedJwtBearerBuilder builder, Action<JwtRevocationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string scheme = builder.AuthenticationScheme;
        builder.Services.Configure<TypedJwtBearerOptions>(scheme, options =>
        {
            JwtRevocationOptions revocation = options.Revocation ??= new JwtRevocationOptions();
            configure?.Invoke(revocation);
        });

        builder.Services.AddKeyedSingleton<IJwtRevoker>(scheme, (services, _) =>
            new JwtRevoker(services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>(), scheme));
        builder.Services.TryAddSingleton<IJwtRevoker>(services => services.GetRequiredKeyedService<IJwtRevoker>(scheme));
        return builder;
    }

    /// <summary>
    /// Registers an <see cref="InMemoryJwtRevocationStore"/> (on the registered <see cref="TimeProvider"/>) as the
    /// <see cref="IJwtRevocationStore"/>: one process only, for development and tests.
    /// </summary>
    public static IServiceCollection AddInMemoryJwtRevocationStore(this IServiceCollection services, int maxEntries = InMemoryJwtRevocationStore.DefaultMaxEntries)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IJwtRevocationStore>();
        services.AddSingleton<IJwtRevocationStore>(sp => new InMemoryJwtRevocationStore(sp.GetService<TimeProvider>() ?? TimeProvider.System, maxEntries));
        return services;
    }

    /// <summary>
    /// Registers a <see cref="DistributedCacheJwtRevocationStore"/> on the registered <see cref="IDistributedCache"/> (for
    /// example <c>AddStackExchangeRedisCache</c>) as the <see cref="IJwtRevocationStore"/>: revocation shared by the fleet,
    /// without one-time use.
    /// </summary>
    public static IServiceCollection AddDistributedCacheJwtRevocationStore(this IServiceCollection services, string keyPrefix = JwtRevocationKeys.DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IJwtRevocationStore>();
        services.AddSingleton<IJwtRevocationStore>(sp => new DistributedCacheJwtRevocationStore(
            sp.GetRequiredService<IDistributedCache>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, keyPrefix));
        return services;
    }
}
