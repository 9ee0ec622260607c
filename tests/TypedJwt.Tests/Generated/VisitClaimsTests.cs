using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace TypedJwt.Tests.Generated;

/// <summary>
/// <c>VisitClaims</c> hands out exactly what <c>WriteJson</c> writes, value by value: the ASP.NET Core principal is built
/// from it instead of from the token's JSON, so the two must never disagree. Each case compares the visit with the JSON
/// the same object writes.
/// </summary>
public class VisitClaimsTests
{
    public static TheoryData<string> Cases() => ["every type, full", "every type, empty", "access token", "positional", "struct"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_visit_is_what_WriteJson_writes(string name)
    {
        (List<string> visited, string json) = name switch
        {
            "every type, full" => Visit(Full()),
            "every type, empty" => Visit(new EveryType()),
            "access token" => Visit(new AccessToken
            {
                Issuer = "i",
                Subject = "alice",
                Audience = new JwtAudience("a", "b"),
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(2_000_000_000),
                Roles = ["admin", "user"],
            }),
            "positional" => Visit(new PositionalToken("bob", 3, null)),
            _ => Visit(new StructToken { Name = "s", Count = 2 }),
        };

        Assert.Equal(FromJson(json), visited);
    }

    [Fact]
    public void Arrays_are_visited_per_element_and_absent_claims_not_at_all()
    {
        (List<string> visited, _) = Visit(new EveryType { Tags = ["a", "b"], Plans = ImmutableArray.Create(Plan.Pro), Website = null, MaybeNumber = null });

        Assert.Equal(["tags string a", "tags string b"], visited.Where(v => v.StartsWith("tags", StringComparison.Ordinal)));
        Assert.Equal(["plans string Pro"], visited.Where(v => v.StartsWith("plans", StringComparison.Ordinal)));
        Assert.DoesNotContain(visited, v => v.StartsWith("website", StringComparison.Ordinal) || v.StartsWith("maybe_number", StringComparison.Ordinal));
    }

    private static EveryType Full() => new()
    {
        Text = "hello \"world\"",
        Flag = true,
        Small = -5,
        Large = 9_007_199_254_740_993,
        Ratio = 0.25,
        Amount = 12.50m,
        Id = new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        When = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        Birthdate = new DateOnly(1990, 2, 28),
        Plan = Plan.Enterprise,
        Website = new Uri("https://example.com/a"),
        MaybeNumber = 7,
        MaybePlan = Plan.Pro,
        MaybeText = "maybe",
        Tags = ["a", "b"],
        Numbers = [1L, 2L],
        Plans = ImmutableArray.Create(Plan.Free, Plan.Pro),
        Dates = ImmutableArray.Create(DateTimeOffset.FromUnixTimeSeconds(1)),
        Audience = new JwtAudience("x", "y"),
        Scope = new JwtScope("read", "write"),
        Address = new Address { Country = "NL", PostalCode = "1234AB" },
    };

    private static (List<string> Visited, string Json) Visit<T>(T value)
        where T : IJwtPayload<T>
    {
        var recorder = new Recorder();
        value.VisitClaims(recorder);
        return (recorder.Claims, Json.Write(value));
    }

    // The same record, made from the JSON: one entry per value, arrays element by element, numbers by their JSON form.
    private static List<string> FromJson(string json)
    {
        var claims = new List<string>();
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement element in property.Value.EnumerateArray())
                {
                    claims.Add(Entry(property.Name, element));
                }
            }
            else
            {
                claims.Add(Entry(property.Name, property.Value));
            }
        }

        return claims;
    }

    private static string Entry(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"{name} string {value.GetString()}",
        JsonValueKind.True or JsonValueKind.False => $"{name} boolean {value.GetBoolean()}",
        JsonValueKind.Object => $"{name} object {value.GetRawText()}",
        // JSON does not tell a whole double from an integer, so numbers compare by value.
        _ => $"{name} number {value.GetDecimal().ToString("G29", CultureInfo.InvariantCulture)}",
    };

    private sealed class Recorder : IJwtClaimVisitor
    {
        public List<string> Claims { get; } = [];

        public void VisitString(string name, string value) => Claims.Add($"{name} string {value}");

        public void VisitInteger(string name, long value) => Claims.Add($"{name} number {value.ToString(CultureInfo.InvariantCulture)}");

        public void VisitNumber(string name, double value) => Claims.Add($"{name} number {((decimal)value).ToString("G29", CultureInfo.InvariantCulture)}");

        public void VisitNumber(string name, decimal value) => Claims.Add($"{name} number {value.ToString("G29", CultureInfo.InvariantCulture)}");

        public void VisitBoolean(string name, bool value) => Claims.Add($"{name} boolean {value}");

        public void VisitObject<TClaims>(string name, TClaims value)
            where TClaims : IJwtClaimSet<TClaims> => Claims.Add($"{name} object {Json.Write(value)}");
    }
}
