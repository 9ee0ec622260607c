using System;
using Microsoft.Extensions.Configuration;
using TypedJwt.Redis;

namespace TypedJwt.SampleApi;

/// <summary>
/// Where the sample keeps revocations and used one-time tokens: in the Redis named by <c>ConnectionStrings:Redis</c> (a
/// StackExchange.Redis configuration string such as <c>127.0.0.1:6390</c>), shared by every instance configured with it;
/// without it, in this process's memory.
/// </summary>
internal static class SampleRevocation
{
    public const string ConnectionStringName = "Redis";

    /// <summary>The scheme of <see cref="OneTimeToken"/>s: every token accepted once.</summary>
    public const string OneTimeScheme = "OneTime";

    /// <summary>How long a one-time token is valid.</summary>
    public static readonly TimeSpan OneTimeTokenLifetime = TimeSpan.FromMinutes(2);

    public static IJwtRevocationStore CreateStore(IConfiguration configuration, TimeProvider? timeProvider) =>
        Describe(configuration) is { } redis
            ? RedisJwtRevocationStore.Connect(redis, timeProvider)
            : new InMemoryJwtRevocationStore(timeProvider ?? TimeProvider.System);

    /// <summary>The Redis configuration string, or null for memory.</summary>
    public static string? Describe(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } redis ? redis : null;
}
