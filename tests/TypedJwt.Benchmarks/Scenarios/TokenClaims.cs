using System.Collections.Immutable;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>
/// The one set of claim values every library is given, in each library's own shape. Times are whole seconds fixed at
/// setup (an hour of validity), so every library writes the same NumericDates and every token stays valid for the run.
/// </summary>
internal sealed class TokenClaims
{
    public const string Issuer = "https://login.example.com";
    public const string Audience = "orders-api";
    public const string Subject = "248289761001";
    public const string Name = "Jane Doe";
    public const string TokenType = "at+jwt";
    public static readonly string[] Roles = ["user", "orders.read", "orders.write"];

    public TokenClaims()
    {
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        IssuedAt = now;
        NotBefore = now;
        ExpiresAt = now.AddHours(1);
        TokenId = Guid.Parse("b1a3c9a4-6f0e-4c2b-9d7e-0f3c2a1b4d5e");
    }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset NotBefore { get; }

    public DateTimeOffset ExpiresAt { get; }

    public Guid TokenId { get; }

    public AccessToken ToTyped() => new()
    {
        Issuer = Issuer,
        Subject = Subject,
        Audience = Audience,
        ExpiresAt = ExpiresAt,
        NotBefore = NotBefore,
        IssuedAt = IssuedAt,
        TokenId = TokenId,
        Name = Name,
        Roles = [.. Roles],
    };

    /// <summary>The payload as a name/value map, for the libraries that take one (Jwt.Net, jose-jwt).</summary>
    public Dictionary<string, object> ToDictionary() => new()
    {
        ["iss"] = Issuer,
        ["sub"] = Subject,
        ["aud"] = Audience,
        ["exp"] = ExpiresAt.ToUnixTimeSeconds(),
        ["nbf"] = NotBefore.ToUnixTimeSeconds(),
        ["iat"] = IssuedAt.ToUnixTimeSeconds(),
        ["jti"] = TokenId.ToString(),
        ["name"] = Name,
        ["roles"] = Roles,
    };

    /// <summary>The claims that IdentityModel's descriptor does not carry as properties of its own.</summary>
    public Dictionary<string, object> ToIdentityModelClaims() => new()
    {
        ["sub"] = Subject,
        ["jti"] = TokenId.ToString(),
        ["name"] = Name,
        ["roles"] = Roles,
    };

    public static ImmutableArray<string> ExpectedRoles => [.. Roles];
}
