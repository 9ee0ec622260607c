using System.Collections.Immutable;
using System.Text;

namespace TypedJwt.Tests.Generated;

public class AccessTokenTests
{
    private const string Minimal = """{"iss":"https://issuer","sub":"alice","aud":"api","exp":1700000000}""";

    private static readonly AccessToken Sample = new()
    {
        Issuer = "https://issuer",
        Subject = "alice",
        Audience = "api",
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_699_999_000),
        Roles = ImmutableArray.Create("admin", "user"),
        TenantId = new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        Admin = true,
    };

    [Fact]
    public void Writes_claims_in_declaration_order_with_their_names()
    {
        Assert.Equal(
            """{"iss":"https://issuer","sub":"alice","aud":"api","exp":1700000000,"iat":1699999000,"roles":["admin","user"],"tenant_id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","admin":true}""",
            Json.Write(Sample));
    }

    [Fact]
    public void Round_trips()
    {
        AccessToken read = Json.Read<AccessToken>(Json.Write(Sample));
        Assert.Equal(Sample.Issuer, read.Issuer);
        Assert.Equal(Sample.Audience, read.Audience);
        Assert.Equal(Sample.ExpiresAt, read.ExpiresAt);
        Assert.Equal(Sample.IssuedAt, read.IssuedAt);
        Assert.Equal(Sample.Roles.ToArray(), read.Roles.ToArray());
        Assert.Equal(Sample.TenantId, read.TenantId);
        Assert.True(read.Admin);
    }

    [Fact]
    public void Optional_claims_may_be_absent_and_null_ones_are_omitted()
    {
        AccessToken read = Json.Read<AccessToken>(Minimal);
        Assert.Null(read.IssuedAt);
        Assert.True(read.Roles.IsDefault);
        Assert.Equal(Guid.Empty, read.TenantId);
        Assert.Equal("""{"iss":"https://issuer","sub":"alice","aud":"api","exp":1700000000,"tenant_id":"00000000-0000-0000-0000-000000000000","admin":false}""", Json.Write(read));
    }

    [Fact]
    public void Token_type_comes_from_the_attribute()
    {
        Assert.Equal("at+jwt", AccessToken.TokenType);
        Assert.Null(Address.TokenType);
    }

    [Fact]
    public void Escaped_member_names_match_claims()
    {
        AccessToken read = Json.Read<AccessToken>("""{"iss":"i","\u0073ub":"alice","aud":"api","\u0065\u0078\u0070":1}""");
        Assert.Equal("alice", read.Subject);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1), read.ExpiresAt);
    }

    [Theory]
    [InlineData("""{"iss":"i","sub":"a","sub":"b","aud":"api","exp":1}""", "sub")]
    [InlineData("""{"iss":"i","sub":"a","\u0073ub":"b","aud":"api","exp":1}""", "sub")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"jti":1,"\u006ati":2}""", "jti")]

    // A name TypedJwt does not govern is the sender's text: the error does not echo it (it would reach logs, CWE-117).
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"x":1,"\u0078":2}""", null)]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"x\r\nFAKE LOG LINE":1,"x\r\nFAKE LOG LINE":2}""", null)]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"x":{"y":1,"y":2}}""", null)]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"x":[{"y":1,"\u0079":2}]}""", null)]
    public void Duplicate_members_are_rejected(string json, string? name)
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.DuplicateMember, name), Json.Error<AccessToken>(json));
    }

    [Fact]
    public void Unknown_claims_are_skipped()
    {
        AccessToken read = Json.Read<AccessToken>("""{"nested":{"a":[1,{"b":null}]},"iss":"i","sub":"a","aud":"api","exp":1,"other":"x"}""");
        Assert.Equal("a", read.Subject);
    }

    [Theory]
    [InlineData("""{"sub":"a","aud":"api","exp":1}""", "iss")]
    [InlineData("""{"iss":"i","aud":"api","exp":1}""", "sub")]
    [InlineData("""{"iss":"i","sub":"a","exp":1}""", "aud")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api"}""", "exp")]
    public void Missing_required_claims_are_named(string json, string name)
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.MissingClaim, name), Json.Error<AccessToken>(json));
    }

    [Theory]
    [InlineData("""{"iss":1,"sub":"a","aud":"api","exp":1}""", "iss")]
    [InlineData("""{"iss":null,"sub":"a","aud":"api","exp":1}""", "iss")]
    [InlineData("""{"iss":"i","sub":"a","aud":5,"exp":1}""", "aud")]
    [InlineData("""{"iss":"i","sub":"a","aud":[5],"exp":1}""", "aud")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":"1"}""", "exp")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":null}""", "exp")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"iat":"1"}""", "iat")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"roles":"admin"}""", "roles")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"roles":[1]}""", "roles")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"tenant_id":1}""", "tenant_id")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,"admin":"true"}""", "admin")]
    public void Wrong_json_types_are_named(string json, string name)
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimType, name), Json.Error<AccessToken>(json));
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("-1e20")]
    [InlineData("253402300800")]
    public void NumericDate_out_of_range_is_an_error(string exp)
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimValue, "exp"), Json.Error<AccessToken>($$"""{"iss":"i","sub":"a","aud":"api","exp":{{exp}}}"""));
    }

    [Fact]
    public void NumericDate_accepts_fractional_seconds_and_null_for_a_nullable_one()
    {
        AccessToken read = Json.Read<AccessToken>("""{"iss":"i","sub":"a","aud":"api","exp":1.5,"iat":null}""");
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(1500), read.ExpiresAt);
        Assert.Null(read.IssuedAt);
    }

    [Fact]
    public void Audience_is_read_as_string_or_array_and_written_back_in_that_form()
    {
        AccessToken single = Json.Read<AccessToken>(Minimal);
        Assert.False(single.Audience.IsArray);
        AccessToken array = Json.Read<AccessToken>("""{"iss":"i","sub":"a","aud":["api","web"],"exp":1}""");
        Assert.True(array.Audience.IsArray);
        Assert.True(array.Audience.Contains("web"));
        Assert.Contains("\"aud\":[\"api\",\"web\"]", Json.Write(array));
        Assert.Contains("\"aud\":\"api\"", Json.Write(single));
    }

    [Fact]
    public void Arrays_over_the_limit_are_rejected_before_their_elements_are_read()
    {
        string json = """{"iss":"i","sub":"a","aud":"api","exp":1,"roles":["a","b",3]}""";
        Assert.Equal(JwtError.Create(JwtErrorCode.ArrayTooLong, "roles"), Json.Error<AccessToken>(json, maxArrayLength: 2));
        Assert.Equal(JwtError.Create(JwtErrorCode.ArrayTooLong, "aud"), Json.Error<AccessToken>("""{"aud":["a","b","c"]}""", maxArrayLength: 2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1} {}""")]
    [InlineData("""{"iss":"i","sub":"a","aud":"api","exp":1,}""")]
    public void Whole_document_reader_reports_malformed_json_without_throwing(string json)
    {
        Assert.False(AccessToken.TryReadJson(Encoding.UTF8.GetBytes(json), out AccessToken? value, out JwtError error));
        Assert.Null(value);
        Assert.Equal(JwtErrorCode.MalformedJson, error.Code);
    }
}
