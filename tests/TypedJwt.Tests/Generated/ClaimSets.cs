using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;

namespace TypedJwt.Tests.Generated;

// The claim sets the generated-code tests read and write. Each is compiled by the real generator in this project.

[JwtPayload(TokenType = "at+jwt")]
public sealed partial record AccessToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("iat")] public DateTimeOffset? IssuedAt { get; init; }
    public ImmutableArray<string> Roles { get; init; }
    public Guid TenantId { get; init; }
    public bool Admin { get; init; }
}

[JwtPayload(Revocable = true)]
public sealed partial record RevocableToken
{
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("jti")] public required Guid TokenId { get; init; }
}

public enum Plan
{
    Free,
    Pro,
    Enterprise,
}

[JwtPayload]
public sealed partial record Address
{
    public string? StreetAddress { get; init; }
    [Required] public string Country { get; init; } = "";
    [StringLength(10, MinimumLength = 3)] public string? PostalCode { get; init; }
}

[JwtPayload]
public sealed partial class EveryType
{
    public string Text { get; set; } = "default";
    public bool Flag { get; set; }
    public int Small { get; set; }
    public long Large { get; set; }
    public double Ratio { get; set; }
    public decimal Amount { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset When { get; set; }
    public DateOnly Birthdate { get; set; }
    public Plan Plan { get; set; }
    public Uri? Website { get; set; }
    public int? MaybeNumber { get; set; }
    public Plan? MaybePlan { get; set; }
    public string? MaybeText { get; set; }
    public string[]? Tags { get; set; }
    public IReadOnlyList<long>? Numbers { get; set; }
    public ImmutableArray<Plan> Plans { get; set; }
    public ImmutableArray<DateTimeOffset> Dates { get; set; }
    [JwtClaim("aud")] public JwtAudience Audience { get; set; }
    [JwtClaim("scope")] public JwtScope Scope { get; set; }
    public Address? Address { get; set; }
    [JwtIgnore] public string Ignored { get; set; } = "ignored";
    public static string Static { get; set; } = "";
    public string Computed => Text + "!";
}

[JwtPayload(NamingPolicy = JwtNamingPolicy.CamelCase)]
public partial record PositionalToken(
    [property: JwtClaim("sub")] string Subject,
    int Level,
    string? Nickname,
    long Quota = 42)
{
    public string Region { get; init; } = "eu";
}

/// <summary>Positional parameters whose names are C# keywords: the generated constructor call must still pass each one.</summary>
[JwtPayload]
public sealed partial record KeywordPositionalToken(string? @class, int @event = 1);

[JwtPayload]
public partial struct StructToken
{
    public string Name { get; set; }
    public int Count { get; set; }
}

[JwtPayload]
public sealed partial record Constrained
{
    [Range(1, 10)] public int Level { get; init; }
    [Range(0.5, 1.5, MinimumIsExclusive = true)] public double? Factor { get; init; }
    [MinLength(2)] [MaxLength(3)] public string[]? Tags { get; init; }
    [MaxLength(5)] public string? Short { get; init; }
    [AllowedValues("red", "green")] public string? Color { get; init; }
    [DeniedValues(13L)] public long Number { get; init; }
    [Range(0.5, 10.5)] public int? Steps { get; init; }
    [Range(0.5, 100.25)] public decimal? Price { get; init; }
    [RegularExpression("[a-z]+")] public string? Slug { get; init; }
    public Address? Address { get; init; }
}

public static partial class Outer
{
    [JwtHeader]
    public sealed partial record CustomHeader
    {
        [JwtClaim("x5t#S256")] public string? Thumbprint { get; init; }
        public string? TenantHint { get; init; }
    }
}
