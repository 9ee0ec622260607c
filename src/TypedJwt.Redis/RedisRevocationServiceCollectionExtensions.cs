using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using TypedJwt;
using TypedJwt.Redis;

// In the namespace users already import for service registration.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="RedisJwtRevocationStore"/> as the application's <see cref="IJwtRevocationStore"/>.</summary>
public static class RedisRevocationServiceCollectionExtensions
{
    /// <summary>
    /// Keeps revocations and one-time-use marks in the Redis named by <paramref name="configuration"/> (a StackExchange.Redis
    /// configuration string such as <c>127.0.0.1:6379,password=...</c>), on a connection of the store's own, made in the
    /// background and retried until Redis answers. Entries follow the registered <see cref="TimeProvider"/>; keys start with
    /// <see cref="JwtRevocationKeys.DefaultPrefix"/> (another prefix: register <see cref="RedisJwtRevocationStore.Connect"/>'s store yourself).
    /// </summary>
    public static IServiceCollection AddRedisJwtRevocationStore(this IServiceCollection services, string configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        services.RemoveAll<IJwtRevocationStore>();
        services.AddSingleton<IJwtRevocationStore>(sp => RedisJwtRevocationStore.Connect(configuration, sp.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>Keeps revocations and one-time-use marks in Redis, on a connection the application owns.</summary>
    public static IServiceCollection AddRedisJwtRevocationStore(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        services.RemoveAll<IJwtRevocationStore>();
        services.AddSingleton<IJwtRevocationStore>(sp => new RedisJwtRevocationStore(connection(sp), sp.GetService<TimeProvider>()));
        return services;
    }
}
