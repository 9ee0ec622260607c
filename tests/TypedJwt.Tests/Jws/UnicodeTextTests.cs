using System.Text;
using TypedJwt.Tests.Generated;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// A JWT's header and claims are UTF-8 JSON (RFC 7519 §7.2, RFC 8259 §8.1), and every string in them is Unicode text.
/// <c>Utf8JsonReader</c> checks neither the UTF-8 inside strings nor whether an escape encodes text (a lone surrogate), so
/// TypedJwt checks both wherever a string stands: in a claim that is read, in one that is only skipped, in a value compared
/// with the policy, in a header parameter. Such a token is malformed, the same way through every entry point, and nothing
/// throws. Valid non-ASCII text, raw or escaped, is accepted.
/// </summary>
public class UnicodeTextTests
{
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes($$"""{"iss":"https://issuer.example","sub":"alice","aud":"api","exp":{{NowSeconds + 600}},"x":""");

    // Not UTF-8: a stray continuation byte, an invalid lead byte, an overlong '/', a UTF-8-encoded surrogate, a truncated sequence.
    public static TheoryData<string> NotUtf8 => new() { "80", "FF", "C0AF", "EDA080", "E282" };

    public static TheoryData<string> LoneSurrogateValues => new()
    {
        """ "\ud800" """,
        """ "\udfaa" """,
        """ "ok \ud83d" """,
        """ ["a","\udfaa"] """,
        """ {"k":"\udfaa"} """,
        """ [{"k":["\ud800"]}] """,
    };

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public void Invalid_utf8_in_an_unread_claim_is_malformed_json(string hex)
    {
        byte[] payload = [.. Prefix, (byte)'"', .. Convert.FromHexString(hex), (byte)'"', (byte)'}'];
        AssertRefusedEveryWay(HandMadeToken.Sign(ValidHeader, payload, Key), JwtError.Create(JwtErrorCode.MalformedJson, "payload"));
    }

    [Theory]
    [MemberData(nameof(LoneSurrogateValues))]
    public void A_lone_surrogate_in_an_unread_claim_is_malformed_json(string value)
    {
        byte[] payload = [.. Prefix, .. Encoding.UTF8.GetBytes(value.Trim()), (byte)'}'];
        AssertRefusedEveryWay(HandMadeToken.Sign(ValidHeader, payload, Key), JwtError.Create(JwtErrorCode.MalformedJson, "payload"));
    }

    [Theory]
    [InlineData("""{"iss":"\ud800\ud800\ud800\ud800","sub":"alice","aud":"api","exp":%EXP%}""")]
    [InlineData("""{"iss":"\ud800","sub":"alice","aud":"api","exp":%EXP%}""")]
    [InlineData("""{"iss":"https://issuer.example","sub":"alice","aud":"\udfaa","exp":%EXP%}""")]
    [InlineData("""{"iss":"https://issuer.example","sub":"alice","aud":["web","\udfaa"],"exp":%EXP%}""")]
    public void A_lone_surrogate_in_a_value_the_policy_compares_is_malformed_json(string template)
    {
        string payload = template.Replace("%EXP%", (NowSeconds + 600).ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertRefusedEveryWay(HandMadeToken.Sign(ValidHeader, payload, Key), JwtError.Create(JwtErrorCode.MalformedJson, "payload"));
    }

    [Theory]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","x":"\ud800"}""")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt","kid":"k1","x":{"y":["\udfaa"]}}""")]
    public void A_lone_surrogate_in_a_header_parameter_is_malformed_json(string header)
    {
        AssertRefusedEveryWay(HandMadeToken.Sign(header, ValidPayload(""","sub":"alice" """), Key), JwtError.Create(JwtErrorCode.MalformedJson, "header"));
    }

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public void Invalid_utf8_in_the_header_is_malformed_json(string hex)
    {
        byte[] header = [.. Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"at+jwt","kid":"k1","x":" """.TrimEnd()), .. Convert.FromHexString(hex), (byte)'"', (byte)'}'];
        AssertRefusedEveryWay(HandMadeToken.Sign(header, Encoding.UTF8.GetBytes(ValidPayload(""","sub":"alice" """)), Key), JwtError.Create(JwtErrorCode.MalformedJson, "header"));
    }

    [Theory]
    [InlineData("\"caf\u00e9 \u65e5\u672c \U0001F600\"")]
    [InlineData(""" "caf\u00e9 \ud83d\ude00 \u0000" """)]
    [InlineData(""" ["\uffff","\ud7ff","\ue000"] """)]
    public void Valid_text_raw_or_escaped_is_accepted(string value)
    {
        byte[] payload = [.. Prefix, .. Encoding.UTF8.GetBytes(value.Trim()), (byte)'}'];
        string token = HandMadeToken.Sign(ValidHeader, payload, Key);

        Assert.Equal(JwtError.None, new JwtValidator<AccessToken>(Key, Policy()).Validate(token.AsSpan()));
        Assert.True(new JwtValidator<AccessToken>(Key, Policy()).TryValidate(token, out AccessToken? read, out JwtError error), error.Message);
        Assert.Equal("alice", read.Subject);
    }

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public void A_document_read_refuses_invalid_utf8(string hex)
    {
        byte[] json = [.. Encoding.UTF8.GetBytes("""{"sub":"alice","iss":"i","aud":"a","exp":1,"x":" """.TrimEnd()), .. Convert.FromHexString(hex), (byte)'"', (byte)'}'];

        Assert.False(AccessToken.TryReadJson(json, out AccessToken? read, out JwtError error));
        Assert.Null(read);
        Assert.Equal(JwtError.Create(JwtErrorCode.MalformedJson), error);
    }

    // Checked only, read as a type that declares the claims, read as one that declares none: one answer.
    private static void AssertRefusedEveryWay(string token, JwtError expected)
    {
        var typed = new JwtValidator<AccessToken>(Key, Policy());
        var untyped = new JwtValidator<AnyAccessTokenClaims>(Key, Policy());

        Assert.Equal(expected, typed.Validate(token.AsSpan()));
        Assert.False(typed.TryValidate(token, out AccessToken? read, out JwtError error));
        Assert.Null(read);
        Assert.Equal(expected, error);
        Assert.Equal(expected, untyped.Validate(token.AsSpan()));
        Assert.False(untyped.TryValidate(token, out _, out error));
        Assert.Equal(expected, error);
    }
}
