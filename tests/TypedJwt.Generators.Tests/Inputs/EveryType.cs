using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using TypedJwt;

namespace Sample;

public enum Plan { Free, Pro, @class, Alias = Pro }

[JwtPayload]
public sealed partial record Address
{
    [Required] public string Country { get; init; } = "";
}

[JwtPayload(NamingPolicy = JwtNamingPolicy.CamelCase)]
public sealed partial class EveryType
{
    [Required, StringLength(20, MinimumLength = 2), RegularExpression("[a-z]+")] public string Text { get; set; } = "";
    public bool Flag { get; set; }
    [Range(1, 10)] public int Small { get; set; }
    [DeniedValues(13L)] public long Large { get; set; }
    [Range(0.5, 1.5, MaximumIsExclusive = true)] public double Ratio { get; set; }
    [Range(0.5, 100.25)] public decimal Amount { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset When { get; set; }
    public DateOnly Birthdate { get; set; }
    [AllowedValues(Plan.Free, Plan.Pro)] public Plan Plan { get; set; }
    public Uri? Website { get; set; }
    public int? MaybeNumber { get; set; }
    public string? MaybeText { get; set; }
    [MinLength(1), MaxLength(4)] public string[]? Tags { get; set; }
    public IReadOnlyList<long>? Numbers { get; set; }
    public ImmutableArray<Plan> Plans { get; set; }
    [JwtClaim("aud")] public JwtAudience Audience { get; set; }
    [JwtClaim("scope")] public JwtScope Scope { get; set; }
    public Address? Address { get; set; }
    [JwtIgnore] public string Ignored { get; set; } = "";
}
