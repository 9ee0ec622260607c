using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>What the validator makes of the JWS Protected Header: each hostile header gets its own error.</summary>
public class HeaderValidationTests
{
    [Fact]
    public void A_well_formed_token_is_accepted() =>
        Assert.Equal(JwtError.None, ValidateHandMade(ValidHeader, ValidPayload()));

    [Theory]
    [InlineData("""{"alg":"none","typ":"at+jwt","kid":"k1"}""")]
    [InlineData("""{"alg":"None","typ":"at+jwt","kid":"k1"}""")]
    [InlineData("""{"alg":"NONE","typ":"at+jwt","kid":"k1"}""")]
    public void Unsecured_alg_is_never_accepted(string header) =>
        Assert.Equal(JwtError.Create(JwtErrorCode.UnsecuredTokenRejected, "alg"), ValidateHandMade(header, ValidPayload()));

    [Fact]
    public void Unsigned_token_with_empty_signature_is_rejected()
    {
        string token = HandMadeToken.Encode("""{"alg":"none"}""") + "." + HandMadeToken.Encode(ValidPayload()) + ".";
        Assert.Equal(JwtErrorCode.UnsecuredTokenRejected, Validator().Validate(token).Code);
    }

    [Theory]
    [InlineData("""{"typ":"at+jwt","kid":"k1"}""", JwtErrorCode.MissingAlgorithm, "alg")]
    [InlineData("""{"alg":256,"typ":"at+jwt","kid":"k1"}""", JwtErrorCode.MissingAlgorithm, "alg")]
    [InlineData("""{"alg":"HS257","typ":"at+jwt","kid":"k1"}""", JwtErrorCode.UnsupportedAlgorithm, "alg")]
    [InlineData("""{"alg":"hs256","typ":"at+jwt","kid":"k1"}""", JwtErrorCode.UnsupportedAlgorithm, "alg")]
    [InlineData("""{"alg":"HS384","typ":"at+jwt","kid":"k1"}""", JwtErrorCode.AlgorithmMismatch, "alg")]
    [InlineData("""{"alg":"RS256","typ":"at+jwt","kid":"k1"}""", JwtErrorCode.AlgorithmMismatch, "alg")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k2"}""", JwtErrorCode.KeyNotFound, "kid")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":7}""", JwtErrorCode.InvalidHeaderParameter, "kid")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","crit":["exp"],"exp":1}""", JwtErrorCode.UnsupportedCriticalHeader, null)]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","crit":[]}""", JwtErrorCode.UnsupportedCriticalHeader, null)]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","b64":false,"crit":["b64"]}""", JwtErrorCode.UnencodedPayloadRejected, "b64")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","b64":false}""", JwtErrorCode.UnencodedPayloadRejected, "b64")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","b64":"no"}""", JwtErrorCode.InvalidHeaderParameter, "b64")]
    [InlineData("""{"alg":"HS256","alg":"HS256","typ":"at+jwt","kid":"k1"}""", JwtErrorCode.DuplicateMember, "alg")]
    [InlineData("""{"alg":"HS256","\u0061lg":"HS256","typ":"at+jwt","kid":"k1"}""", JwtErrorCode.DuplicateMember, "alg")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","x":{"a":1,"\u0061":2}}""", JwtErrorCode.DuplicateMember, null)]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","x5t":"a","x\u0035t":"b"}""", JwtErrorCode.DuplicateMember, "x5t")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1"} """, JwtErrorCode.None, null)]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1"}{}""", JwtErrorCode.MalformedJson, "header")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1",}""", JwtErrorCode.MalformedJson, "header")]
    [InlineData("""{"alg":"HS256",/*c*/"typ":"at+jwt","kid":"k1"}""", JwtErrorCode.MalformedJson, "header")]
    [InlineData("""["alg","HS256"]""", JwtErrorCode.MalformedJson, "header")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","x":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}""", JwtErrorCode.JsonTooDeep, "header")]
    public void Hostile_header_gets_a_specific_error(string header, JwtErrorCode code, string? name)
    {
        JwtError error = ValidateHandMade(header, ValidPayload());
        Assert.Equal(code == JwtErrorCode.None ? JwtError.None : JwtError.Create(code, name), error);
    }

    [Fact]
    public void Crit_with_b64_false_is_refused_before_the_signature_is_looked_at()
    {
        string header = """{"alg":"HS256","typ":"at+jwt","kid":"k1","crit":["b64"],"b64":false}""";
        Assert.Equal(JwtErrorCode.UnsupportedCriticalHeader, ValidateHandMade(header, ValidPayload()).Code);
    }

    [Theory]
    [InlineData("at+jwt")]
    [InlineData("AT+JWT")]
    [InlineData("application/at+jwt")]
    [InlineData("Application/At+Jwt")]
    public void Typ_compares_as_a_media_type(string typ) =>
        Assert.Equal(JwtError.None, ValidateHandMade($$"""{"alg":"HS256","typ":"{{typ}}","kid":"k1"}""", ValidPayload()));

    [Theory]
    [InlineData("""{"alg":"HS256","kid":"k1"}""")]
    [InlineData("""{"alg":"HS256","typ":"JWT","kid":"k1"}""")]
    [InlineData("""{"alg":"HS256","typ":"application/","kid":"k1"}""")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt2","kid":"k1"}""")]
    public void Missing_or_other_typ_is_refused_for_a_typed_payload(string header) =>
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidTokenType, "typ"), ValidateHandMade(header, ValidPayload()));

    [Fact]
    public void Typ_is_checked_only_after_the_signature()
    {
        string token = HandMadeToken.Sign("""{"alg":"HS256","typ":"JWT","kid":"k1"}""", ValidPayload(), OtherKey);
        Assert.Equal(JwtErrorCode.InvalidSignature, Validator().Validate(token).Code);
    }

    [Fact]
    public void Key_without_kid_is_selected_when_it_is_the_only_one()
    {
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, new byte[32]);
        var validator = new JwtValidator<AnyAccessTokenClaims>(key, Policy());
        Assert.Equal(JwtError.None, validator.Validate(HandMadeToken.Sign("""{"alg":"HS256","typ":"at+jwt"}""", ValidPayload(), key)));
    }
}
