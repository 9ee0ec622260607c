using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>The registered claims a policy governs, read strictly from the payload without building the claims object.</summary>
public class ClaimsValidationTests
{
    private static JwtError Payload(string json, JwtValidationPolicy? policy = null) => ValidateHandMade(ValidHeader, json, policy);

    [Theory]
    [InlineData("""{"iss":"https://issuer.example","aud":"api"}""", JwtErrorCode.MissingClaim, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":"4102444800"}""", JwtErrorCode.InvalidClaimType, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":null}""", JwtErrorCode.InvalidClaimType, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":true}""", JwtErrorCode.InvalidClaimType, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":1e400}""", JwtErrorCode.InvalidClaimValue, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":99999999999999999999}""", JwtErrorCode.InvalidClaimValue, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":253402300800}""", JwtErrorCode.InvalidClaimValue, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":1}""", JwtErrorCode.Expired, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800,"exp":4102444800}""", JwtErrorCode.DuplicateMember, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800,"\u0065xp":1}""", JwtErrorCode.DuplicateMember, "exp")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800,"nbf":"0"}""", JwtErrorCode.InvalidClaimType, "nbf")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800,"nbf":4102444000}""", JwtErrorCode.NotYetValid, "nbf")]
    [InlineData("""{"aud":"api","exp":4102444800}""", JwtErrorCode.MissingClaim, "iss")]
    [InlineData("""{"iss":"https://evil.example","aud":"api","exp":4102444800}""", JwtErrorCode.InvalidIssuer, "iss")]
    [InlineData("""{"iss":"HTTPS://ISSUER.EXAMPLE","aud":"api","exp":4102444800}""", JwtErrorCode.InvalidIssuer, "iss")]
    [InlineData("""{"iss":["https://issuer.example"],"aud":"api","exp":4102444800}""", JwtErrorCode.InvalidClaimType, "iss")]
    [InlineData("""{"iss":"https://issuer.example","exp":4102444800}""", JwtErrorCode.MissingClaim, "aud")]
    [InlineData("""{"iss":"https://issuer.example","aud":"web","exp":4102444800}""", JwtErrorCode.InvalidAudience, "aud")]
    [InlineData("""{"iss":"https://issuer.example","aud":["web","mobile"],"exp":4102444800}""", JwtErrorCode.InvalidAudience, "aud")]
    [InlineData("""{"iss":"https://issuer.example","aud":["web",1],"exp":4102444800}""", JwtErrorCode.InvalidClaimType, "aud")]
    [InlineData("""{"iss":"https://issuer.example","aud":{"api":true},"exp":4102444800}""", JwtErrorCode.InvalidClaimType, "aud")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800,"x":{"k":1,"k":2}}""", JwtErrorCode.DuplicateMember, null)]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800,"x":[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]}""", JwtErrorCode.JsonTooDeep, "payload")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800""", JwtErrorCode.MalformedJson, "payload")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800}[]""", JwtErrorCode.MalformedJson, "payload")]
    [InlineData("""[{"iss":"https://issuer.example","aud":"api","exp":4102444800}]""", JwtErrorCode.MalformedJson, "payload")]
    [InlineData("""{"iss":"https://issuer.example","aud":"api","exp":4102444800,"s":"\ud800"}""", JwtErrorCode.MalformedJson, "payload")]
    public void Claim_errors_name_the_claim(string payload, JwtErrorCode code, string? name) =>
        Assert.Equal(code == JwtErrorCode.None ? JwtError.None : JwtError.Create(code, name), Payload(payload));

    [Fact]
    public void Audience_array_naming_an_accepted_audience_is_accepted() =>
        Assert.Equal(JwtError.None, Payload($$"""{"iss":"https://issuer.example","aud":["web","api"],"exp":{{NowSeconds + 60}}}"""));

    [Fact]
    public void Escaped_spelling_of_an_accepted_value_matches() =>
        Assert.Equal(JwtError.None, Payload($$"""{"iss":"https:\/\/issuer.example","aud":"\u0061pi","exp":{{NowSeconds + 60}}}"""));

    [Fact]
    public void Fractional_NumericDate_is_accepted() =>
        Assert.Equal(JwtError.None, Payload($$"""{"iss":"https://issuer.example","aud":"api","exp":{{NowSeconds + 60}}.25}"""));

    [Theory]
    [InlineData(-29, true)]
    [InlineData(-30, false)]
    [InlineData(1, true)]
    public void Expiry_honours_the_leeway(int secondsFromNow, bool accepted)
    {
        JwtError error = Payload($$"""{"iss":"https://issuer.example","aud":"api","exp":{{NowSeconds + secondsFromNow}}}""");
        Assert.Equal(accepted ? JwtError.None : JwtError.Create(JwtErrorCode.Expired, "exp"), error);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Not_before_honours_the_leeway(int secondsFromNow, bool accepted)
    {
        JwtError error = Payload($$"""{"iss":"https://issuer.example","aud":"api","exp":{{NowSeconds + 600}},"nbf":{{NowSeconds + secondsFromNow}}}""");
        Assert.Equal(accepted ? JwtError.None : JwtError.Create(JwtErrorCode.NotYetValid, "nbf"), error);
    }

    [Fact]
    public void Lenient_options_are_opt_in_and_do_what_they_say()
    {
        const string Bare = """{"sub":"alice"}""";
        Assert.Equal(JwtError.Create(JwtErrorCode.MissingClaim, "exp"), Payload(Bare));
        var lenient = new JwtValidationPolicy
        {
            SkipIssuerValidation = true,
            SkipAudienceValidation = true,
            RequireExpirationTime = false,
            TimeProvider = Policy().TimeProvider,
        };
        Assert.Equal(JwtError.None, Payload(Bare, lenient));
    }

    [Fact]
    public void Array_longer_than_the_limit_is_refused()
    {
        string roles = string.Join(',', Enumerable.Repeat("\"r\"", 257));
        Assert.Equal(JwtErrorCode.ArrayTooLong, Payload(ValidPayload($",\"roles\":[{roles}]")).Code);
        string audiences = string.Join(',', Enumerable.Repeat("\"x\"", 257));
        Assert.Equal(JwtError.Create(JwtErrorCode.ArrayTooLong, "aud"), Payload($$"""{"iss":"https://issuer.example","aud":[{{audiences}}],"exp":{{NowSeconds + 60}}}"""));
    }

    [Fact]
    public void Policy_without_issuer_or_audience_is_refused_at_construction()
    {
        var noIssuer = new JwtValidationPolicy { ValidAudiences = ["api"] };
        var noAudience = new JwtValidationPolicy { ValidIssuers = ["i"] };
        Assert.Contains("issuer", Assert.Throws<ArgumentException>(() => Validator(noIssuer)).Message);
        Assert.Contains("audience", Assert.Throws<ArgumentException>(() => Validator(noAudience)).Message);
        Assert.Throws<ArgumentException>(() => Validator(new JwtValidationPolicy { ValidIssuers = ["i"], ValidAudiences = ["a"], Leeway = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void Default_leeway_is_at_most_a_minute()
    {
        Assert.True(new JwtValidationPolicy().Leeway <= TimeSpan.FromSeconds(60));
        Assert.True(new JwtValidationPolicy().RequireExpirationTime);
    }
}
