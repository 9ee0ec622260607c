using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace TypedJwt.SampleApi;

/// <summary>
/// The demo users: <c>alice</c>/<c>alice-pass</c> (roles <c>user</c>) and <c>admin</c>/<c>admin-pass</c> (roles
/// <c>admin</c>, <c>user</c>), or, when the <c>DemoUsers</c> section exists, exactly the users it lists
/// (<c>DemoUsers:&lt;name&gt;:Password</c>, <c>DemoUsers:&lt;name&gt;:Roles:0</c>, ...).
/// </summary>
internal sealed class DemoUsers
{
    private readonly Dictionary<string, DemoUser> _users;

    // Compared against when the user name is unknown, so an unknown name costs the same as a wrong password.
    private readonly byte[] _unknownUserHash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));

    private DemoUsers(IEnumerable<DemoUser> users)
    {
        _users = users.ToDictionary(u => u.Name, StringComparer.Ordinal);
    }

    public static DemoUsers FromConfiguration(IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(SampleDefaults.UsersSection);
        if (!section.GetChildren().Any())
        {
            return new DemoUsers([
                DemoUser.Create("alice", "alice-pass", ["user"]),
                DemoUser.Create("admin", "admin-pass", ["admin", "user"]),
            ]);
        }

        return new DemoUsers(section.GetChildren().Select(user => DemoUser.Create(
            user.Key,
            user["Password"] ?? throw new InvalidOperationException($"{user.Path}:Password is not set."),
            user.GetSection("Roles").GetChildren().Select(role => role.Value ?? "").Where(role => role.Length > 0).ToArray())));
    }

    /// <summary>The user when the password matches. The password is compared in constant time, as a SHA-256 hash.</summary>
    public DemoUser? Authenticate(string? name, string? password)
    {
        if (name is null || password is null)
        {
            return null;
        }

        DemoUser? user = _users.GetValueOrDefault(name);
        byte[] presented = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        bool matches = CryptographicOperations.FixedTimeEquals(presented, user?.PasswordHash ?? _unknownUserHash);
        return matches ? user : null;
    }
}

/// <summary>A demo user: name, password hash, roles.</summary>
internal sealed record DemoUser(string Name, byte[] PasswordHash, ImmutableArray<string> Roles)
{
    public static DemoUser Create(string name, string password, string[] roles) =>
        new(name, SHA256.HashData(Encoding.UTF8.GetBytes(password)), [.. roles]);
}
