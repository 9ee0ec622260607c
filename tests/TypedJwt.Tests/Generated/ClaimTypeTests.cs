using System.Collections.Immutable;

namespace TypedJwt.Tests.Generated;

public class ClaimTypeTests
{
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

    [Fact]
    public void Every_claim_type_is_written_in_its_json_form()
    {
        Assert.Equal(
            """{"text":"hello \u0022world\u0022","flag":true,"small":-5,"large":9007199254740993,"ratio":0.25,"amount":12.50,"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","when":1700000000,"birthdate":"1990-02-28","plan":"Enterprise","website":"https://example.com/a","maybe_number":7,"maybe_plan":"Pro","maybe_text":"maybe","tags":["a","b"],"numbers":[1,2],"plans":["Free","Pro"],"dates":[1],"aud":["x","y"],"scope":"read write","address":{"country":"NL","postal_code":"1234AB"}}""",
            Json.Write(Full()));
    }

    [Fact]
    public void Every_claim_type_round_trips()
    {
        EveryType expected = Full();
        EveryType read = Json.Read<EveryType>(Json.Write(expected));
        Assert.Equal(expected.Text, read.Text);
        Assert.Equal(expected.Flag, read.Flag);
        Assert.Equal(expected.Small, read.Small);
        Assert.Equal(expected.Large, read.Large);
        Assert.Equal(expected.Ratio, read.Ratio);
        Assert.Equal(expected.Amount, read.Amount);
        Assert.Equal(expected.Id, read.Id);
        Assert.Equal(expected.When, read.When);
        Assert.Equal(expected.Birthdate, read.Birthdate);
        Assert.Equal(expected.Plan, read.Plan);
        Assert.Equal(expected.Website, read.Website);
        Assert.Equal(expected.MaybeNumber, read.MaybeNumber);
        Assert.Equal(expected.MaybePlan, read.MaybePlan);
        Assert.Equal(expected.MaybeText, read.MaybeText);
        Assert.Equal(expected.Tags, read.Tags);
        Assert.Equal(expected.Numbers, read.Numbers);
        Assert.Equal(expected.Plans.ToArray(), read.Plans.ToArray());
        Assert.Equal(expected.Dates.ToArray(), read.Dates.ToArray());
        Assert.Equal(expected.Audience, read.Audience);
        Assert.Equal(expected.Scope, read.Scope);
        Assert.Equal(expected.Address, read.Address);
        Assert.Equal("ignored", read.Ignored);
    }

    [Fact]
    public void Absent_optional_claims_keep_their_initial_values_and_ignored_members_are_not_written()
    {
        EveryType read = Json.Read<EveryType>("{}");
        Assert.Equal("default", read.Text);
        Assert.Null(read.MaybeNumber);
        Assert.Null(read.Address);
        Assert.DoesNotContain("ignored", Json.Write(read));
        Assert.DoesNotContain("computed", Json.Write(read));
        Assert.DoesNotContain("static", Json.Write(read));
    }

    [Theory]
    [InlineData("""{"small":2147483648}""", "small")]
    [InlineData("""{"small":1.5}""", "small")]
    [InlineData("""{"large":1e19}""", "large")]
    [InlineData("""{"amount":1e40}""", "amount")]
    [InlineData("""{"ratio":1e400}""", "ratio")]
    [InlineData("""{"id":"not-a-guid"}""", "id")]
    [InlineData("""{"birthdate":"1990-2-28"}""", "birthdate")]
    [InlineData("""{"birthdate":"1990-02-30"}""", "birthdate")]
    [InlineData("""{"plan":"Gold"}""", "plan")]
    [InlineData("""{"plan":"enterprise"}""", "plan")]
    [InlineData("""{"plans":["Free","Gold"]}""", "plans")]
    [InlineData("""{"website":"/relative"}""", "website")]
    [InlineData("""{"scope":" read"}""", "scope")]
    [InlineData("""{"scope":"read  write"}""", "scope")]
    [InlineData("""{"scope":"read "}""", "scope")]
    [InlineData("""{"scope":""}""", "scope")]
    [InlineData("""{"scope":"caf\u00e9"}""", "scope")]
    public void Values_the_type_cannot_hold_are_invalid_claim_values(string json, string name)
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimValue, name), Json.Error<EveryType>(json));
    }

    [Theory]
    [InlineData("""{"\udfaa":1}""")]
    [InlineData("""{"text":"x","\ud800\u0061":1}""")]
    [InlineData("""{"plan":"\udfaa"}""")]
    [InlineData("""{"plan":"\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa"}""")]
    [InlineData("""{"plans":["Free","\udfaa"]}""")]
    [InlineData("""{"address":{"\udfaa":1}}""")]
    [InlineData("""{"id":"\udfaa"}""")]
    [InlineData("""{"id":"\udfaa\udfaa\udfaa\udfaa\udfaa\udfaa"}""")]
    [InlineData("""{"birthdate":"\udfaa"}""")]
    [InlineData("""{"website":"https://\udfaa"}""")]
    [InlineData("""{"scope":"read \udfaa"}""")]
    [InlineData("""{"aud":["a","\udfaa"]}""")]
    [InlineData("""{"tags":["\udfaa"]}""")]
    public void Lone_surrogate_escapes_in_member_names_and_enum_values_are_malformed_json_not_exceptions(string json)
    {
        // Matching a name or an enum value unescapes it; an escape that encodes no Unicode text must not escape as the
        // reader's InvalidOperationException.
        Assert.False(EveryType.TryReadJson(System.Text.Encoding.UTF8.GetBytes(json), out EveryType? read, out JwtError error));
        Assert.Null(read);
        Assert.Equal(JwtError.Create(JwtErrorCode.MalformedJson), error);
    }

    [Theory]
    [InlineData("""{"text":null}""", "text")]
    [InlineData("""{"flag":1}""", "flag")]
    [InlineData("""{"small":"1"}""", "small")]
    [InlineData("""{"plan":1}""", "plan")]
    [InlineData("""{"plan":null}""", "plan")]
    [InlineData("""{"birthdate":19900228}""", "birthdate")]
    [InlineData("""{"tags":{}}""", "tags")]
    [InlineData("""{"tags":[null]}""", "tags")]
    [InlineData("""{"aud":{}}""", "aud")]
    [InlineData("""{"scope":["read"]}""", "scope")]
    [InlineData("""{"address":"Main St"}""", "address")]
    [InlineData("""{"address":{"country":5}}""", "country")]
    public void Wrong_json_types_are_named(string json, string name)
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimType, name), Json.Error<EveryType>(json));
    }

    [Fact]
    public void Nullable_claims_accept_json_null()
    {
        EveryType read = Json.Read<EveryType>("""{"maybe_number":null,"maybe_plan":null,"maybe_text":null,"website":null,"tags":null,"address":null}""");
        Assert.Null(read.MaybeNumber);
        Assert.Null(read.MaybePlan);
        Assert.Null(read.Tags);
    }

    [Fact]
    public void Scope_is_split_on_single_spaces_and_escapes_are_decoded()
    {
        EveryType read = Json.Read<EveryType>("""{"scope":"openid \u0070rofile email"}""");
        Assert.Equal(["openid", "profile", "email"], read.Scope);
        Assert.True(read.Scope.Contains("profile"));
        Assert.Equal("openid profile email", read.Scope.ToString());
    }

    [Fact]
    public void Nested_claim_sets_are_read_with_their_own_rules()
    {
        EveryType read = Json.Read<EveryType>("""{"address":{"street_address":"Main St 1","country":"NL","extra":1}}""");
        Assert.Equal("Main St 1", read.Address!.StreetAddress);
        Assert.Equal(JwtError.Create(JwtErrorCode.MissingClaim, "country"), Json.Error<EveryType>("""{"address":{}}"""));
        Assert.Equal(JwtError.Create(JwtErrorCode.DuplicateMember, "country"), Json.Error<EveryType>("""{"address":{"country":"a","country":"b"}}"""));
    }

    [Fact]
    public void Positional_records_read_through_their_primary_constructor()
    {
        PositionalToken read = Json.Read<PositionalToken>("""{"sub":"alice","level":3}""");
        Assert.Equal(new PositionalToken("alice", 3, null) { Region = "eu" }, read);
        Assert.Equal(42, read.Quota);
        Assert.Equal(JwtError.Create(JwtErrorCode.MissingClaim, "level"), Json.Error<PositionalToken>("""{"sub":"alice"}"""));
        Assert.Equal("""{"sub":"alice","level":3,"quota":7,"region":"us"}""", Json.Write(new PositionalToken("alice", 3, null, 7) { Region = "us" }));
        Assert.Equal(new PositionalToken("a", 1, "n", 7) { Region = "us" }, Json.Read<PositionalToken>("""{"sub":"a","level":1,"nickname":"n","quota":7,"region":"us"}"""));
    }

    [Fact]
    public void Positional_parameters_named_like_keywords_keep_their_values()
    {
        Assert.Equal(new KeywordPositionalToken("admin", 7), Json.Read<KeywordPositionalToken>("""{"class":"admin","event":7}"""));
        Assert.Equal(new KeywordPositionalToken(null), Json.Read<KeywordPositionalToken>("""{}"""));
        Assert.Equal("""{"class":"admin","event":7}""", Json.Write(new KeywordPositionalToken("admin", 7)));
    }

    [Fact]
    public void Structs_and_header_types_are_generated_too()
    {
        StructToken read = Json.Read<StructToken>("""{"name":"n","count":2}""");
        Assert.Equal("n", read.Name);
        Assert.Equal(2, read.Count);

        var header = new Outer.CustomHeader { Thumbprint = "abc", TenantHint = "t" };
        Assert.Equal("""{"x5t#S256":"abc","tenant_hint":"t"}""", Json.Write(header));
        Assert.Equal(header, Json.Read<Outer.CustomHeader>(Json.Write(header)));
    }
}
