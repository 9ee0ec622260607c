using System.Text;
using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// The header is read before any key is used, so it is the attacker's first input. Security review F3 (the work it costs
/// is bounded: at most <see cref="JwtValidationPolicy.MaxHeaderParameters"/> parameters), F5 (values kept for later, the
/// JWE <c>epk</c> and replicated claims, are as strictly checked as any other) and F6 (text from the token never reaches an
/// error message, a log or a <c>WWW-Authenticate</c> header). Each holds for JWS and JWE headers alike.
/// </summary>
public class HostileHeaderTests
{
    private static readonly byte[] Cek = JweTestKit.Bytes(32, 9);
    private static readonly JwtEncryptionKey DirectKey = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, Cek, "e1");

    private static JwtError ValidateSigned(string header) =>
        ValidatorTestKit.Validator(ValidatorTestKit.Policy(p => PolicyCeilingTests.With(p, maxTokenLength: 16384))).Validate(HandMadeToken.Sign(header, ValidatorTestKit.ValidPayload(), ValidatorTestKit.Key));

    private static JwtError ValidateEncrypted(string header) =>
        new JweValidator<AnyAccessTokenClaims>(DirectKey, ValidatorTestKit.Policy())
            .Validate(JweTestKit.HandMade(header, ValidatorTestKit.ValidPayload(), Cek, JweEncryption.A128CbcHS256).AsSpan());

    private static string Extra(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $",\"p{i}\":0"));

    [Fact]
    public void A_signed_header_may_have_MaxHeaderParameters_parameters_and_not_one_more()
    {
        // alg, typ, kid and the rest.
        int room = JwtValidationPolicy.MaxHeaderParameters - 3;

        Assert.Equal(JwtError.None, ValidateSigned("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"" + Extra(room) + "}"));
        Assert.Equal(
            JwtError.Create(JwtErrorCode.TooManyHeaderParameters, "header"),
            ValidateSigned("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"" + Extra(room + 1) + "}"));
    }

    [Fact]
    public void An_encrypted_header_may_have_MaxHeaderParameters_parameters_and_not_one_more()
    {
        int room = JwtValidationPolicy.MaxHeaderParameters - 3;

        Assert.Equal(JwtError.None, ValidateEncrypted("{\"alg\":\"dir\",\"enc\":\"A128CBC-HS256\",\"typ\":\"at+jwt\"" + Extra(room) + "}"));
        Assert.Equal(
            JwtError.Create(JwtErrorCode.TooManyHeaderParameters, "header"),
            ValidateEncrypted("{\"alg\":\"dir\",\"enc\":\"A128CBC-HS256\",\"typ\":\"at+jwt\"" + Extra(room + 1) + "}"));
    }

    [Fact]
    public void The_parameter_cap_is_reached_before_the_duplicate_check_and_before_any_key()
    {
        // 700 distinct members (a token of about 9 KB, as in the review): refused at the 33rd, without a key being looked up.
        string header = "{\"alg\":\"HS256\",\"kid\":\"unknown\"" + Extra(700) + "}";

        Assert.Equal(JwtError.Create(JwtErrorCode.TooManyHeaderParameters, "header"), ValidateSigned(header));
        Assert.True(Encoding.UTF8.GetByteCount(header) > 6000);
    }

    [Theory]
    [InlineData("""{"kty":"EC","x":"a","x":"b"}""", JwtErrorCode.DuplicateMember)]
    [InlineData("""{"kty":"EC","\u0078":"a","x":"b"}""", JwtErrorCode.DuplicateMember)]
    [InlineData("""{"kty":"EC","ext":{"a":1,"a":2}}""", JwtErrorCode.DuplicateMember)]
    [InlineData("""{"kty":"EC","x":"\udfaa"}""", JwtErrorCode.MalformedJson)]
    [InlineData("""{"kty":"EC","n":["\ud800"]}""", JwtErrorCode.MalformedJson)]
    public void An_epk_is_checked_as_strictly_as_any_other_value(string epk, JwtErrorCode code)
    {
        // A dir key never reads epk, so before the fix a bare skip let these through to an accepted token.
        JwtError error = ValidateEncrypted($$"""{"alg":"dir","enc":"A128CBC-HS256","typ":"at+jwt","epk":{{epk}}}""");

        Assert.Equal(code == JwtErrorCode.DuplicateMember ? JwtError.Create(code, "epk") : JwtError.Create(code, "header"), error);
    }

    [Theory]
    [InlineData("iss", """{"a":1,"a":2}""", JwtErrorCode.DuplicateMember)]
    [InlineData("aud", """["api",{"b":0,"\u0062":1}]""", JwtErrorCode.DuplicateMember)]
    [InlineData("sub", "\"\\udfaa\"", JwtErrorCode.MalformedJson)]
    public void Replicated_claims_are_checked_as_strictly_as_any_other_value(string claim, string value, JwtErrorCode code)
    {
        JwtError error = ValidateEncrypted($$"""{"alg":"dir","enc":"A128CBC-HS256","typ":"at+jwt","{{claim}}":{{value}}}""");

        Assert.Equal(code == JwtErrorCode.DuplicateMember ? JwtError.Create(code, claim) : JwtError.Create(code, "header"), error);
    }

    public static TheoryData<string> HostileNames() =>
    [
        "x\r\nWARN forged log line",
        "x\"; error=\"spoofed",
        new string('a', 600),
        "\u202Eevil",
        "x\\u000d\\u000aforged",
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_duplicated_name_from_the_token_is_never_echoed(string name)
    {
        string quoted = System.Text.Json.JsonSerializer.Serialize(name);
        foreach (JwtError error in new[]
        {
            ValidateSigned($$"""{"alg":"HS256","typ":"at+jwt",{{quoted}}:1,{{quoted}}:2}"""),
            ValidateEncrypted($$"""{"alg":"dir","enc":"A128CBC-HS256","typ":"at+jwt",{{quoted}}:1,{{quoted}}:2}"""),
            ValidatorTestKit.Validator().Validate(HandMadeToken.Sign(ValidatorTestKit.ValidHeader, ValidatorTestKit.ValidPayload($",{quoted}:1,{quoted}:2"), ValidatorTestKit.Key)),
        })
        {
            Assert.Equal(JwtError.Create(JwtErrorCode.DuplicateMember), error);
            Assert.DoesNotContain("forged", error.Message);
            Assert.DoesNotContain("aaaa", error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
    }

    [Fact]
    public void A_duplicated_registered_name_is_named()
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.DuplicateMember, "jku"), ValidateSigned("""{"alg":"HS256","typ":"at+jwt","jku":"a","j\u006bu":"b"}"""));
        Assert.Equal(JwtError.Create(JwtErrorCode.DuplicateMember, "apu"), ValidateEncrypted("""{"alg":"dir","enc":"A128CBC-HS256","typ":"at+jwt","apu":"","apu":""}"""));
    }

    [Fact]
    public void Any_name_a_message_quotes_is_escaped_and_capped()
    {
        // Names reach JwtError only from TypedJwt and from the claims a payload type declares; even those are escaped.
        string message = JwtError.Create(JwtErrorCode.MissingClaim, "a\r\nb\"c" + new string('z', 200)).Message;

        Assert.DoesNotContain('\r', message);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("a\\u000d\\u000ab\\u0022c", message);
        Assert.Contains("...", message);
        Assert.True(message.Length < 200, message);
        Assert.Equal("The required claim 'sub' is missing.", JwtError.Create(JwtErrorCode.MissingClaim, "sub").Message);
    }
}
