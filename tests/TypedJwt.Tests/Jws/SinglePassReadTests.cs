using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Generated;
using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>Declares none of the registered claims: the validator still governs exp, nbf, iss and aud among the members it skips.</summary>
[JwtPayload(TokenType = "at+jwt")]
public sealed partial record UndeclaredRegisteredClaims
{
    public string? Name { get; init; }
    public ImmutableArray<string> Roles { get; init; }
}

/// <summary>
/// Declares the governed claims as optional: for the typed read alone a JSON <c>null</c> is "no value", but a NumericDate
/// or issuer the policy governs must have its JSON type, null included.
/// </summary>
[JwtPayload(TokenType = "at+jwt")]
public sealed partial record OptionalRegisteredClaims
{
    [JwtClaim("exp")] public DateTimeOffset? ExpiresAt { get; init; }
    [JwtClaim("nbf")] public DateTimeOffset? NotBefore { get; init; }
    [JwtClaim("iss")] public string? Issuer { get; init; }
    [Range(1, 10)] public int Level { get; init; } = 1;
}

/// <summary>
/// <c>TryValidate</c> reads the typed payload and checks the policy's registered claims in one pass over the JSON. It must
/// report exactly what the two passes it replaced report, in the documented order: the registered-claims pass
/// (<c>Validate</c>: structure, duplicates, limits, exp, nbf, iss, aud), then the typed read of the same JSON and the
/// declared constraints. Every payload below runs both ways, for generated types that declare the governed claims, declare
/// none of them, or declare them optional, and for a hand-written type.
/// </summary>
public class SinglePassReadTests
{
    private static readonly long Exp = NowSeconds + 600;

    private static readonly string Base =
        $$"""{"iss":"https://issuer.example","sub":"alice","aud":"api","exp":{{Exp}},"roles":["a","b"],"tenant_id":"7d0f3b5e-2c1a-4b8e-9f6d-1a2b3c4d5e6f","admin":true,"level":3}""";

    // Arrays of more than four elements are too long here, so that the limit is reached with short payloads.
    private static readonly JwtValidationPolicy TestPolicy = Policy(p => new JwtValidationPolicy
    {
        ValidIssuers = p.ValidIssuers,
        ValidAudiences = p.ValidAudiences,
        TimeProvider = new FakeTimeProvider(Now),
        MaxArrayLength = 4,
    });

    private static readonly string[] Corpus = BuildCorpus();

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (string payload in Corpus)
        {
            data.Add(payload);
        }

        return data;
    }

    private static string[] BuildCorpus()
    {
        string body = Base[1..^1];
        return
        [
            Base,
            Replace("\"alice\"", "1"),
            Replace("\"alice\"", "\"\\ud800\""),
            Replace("\"roles\":[\"a\",\"b\"]", "\"roles\":\"a\""),
            Replace("\"roles\":[\"a\",\"b\"]", "\"roles\":[\"a\",1]"),
            Replace("\"roles\":[\"a\",\"b\"]", "\"roles\":[\"a\",\"b\",\"c\",\"d\",\"e\"]"),
            Replace("\"7d0f3b5e-2c1a-4b8e-9f6d-1a2b3c4d5e6f\"", "\"not-a-guid\""),
            Replace("\"admin\":true", "\"admin\":\"yes\""),
            Replace("\"level\":3", "\"level\":11"),
            Replace("\"level\":3", "\"level\":\"3\""),
            Replace("\"sub\":\"alice\",", ""),
            Replace($"\"exp\":{Exp}", "\"exp\":1"),
            Replace($"\"exp\":{Exp}", "\"exp\":null"),
            Replace($"\"exp\":{Exp}", "\"exp\":\"4102444800\""),
            Replace($"\"exp\":{Exp},", ""),
            Replace("\"sub\":\"alice\"", "\"sub\":1").Replace($"\"exp\":{Exp}", "\"exp\":1"),
            Replace("\"iss\":\"https://issuer.example\"", "\"iss\":\"https://evil.example\"").Replace("\"admin\":true", "\"admin\":0"),
            Replace("\"iss\":\"https://issuer.example\"", "\"iss\":null"),
            Replace("\"iss\":\"https://issuer.example\",", ""),
            Replace("\"aud\":\"api\"", "\"aud\":[\"web\",\"api\"]"),
            Replace("\"aud\":\"api\"", "\"aud\":[\"web\"]"),
            Replace("\"aud\":\"api\"", "\"aud\":[\"a\",\"b\",\"c\",\"d\",\"api\"]"),
            Replace("\"aud\":\"api\"", "\"aud\":7"),
            With($"\"nbf\":{NowSeconds + 3600}"),
            With("\"nbf\":null"),
            With("\"nbf\":\"soon\""),
            With("\"iat\":null"),
            With($"\"iat\":{NowSeconds + 3600}"),
            With($"\"iat\":{NowSeconds - 3600}"),
            With("\"iat\":\"yesterday\""),
            With("\"sub\":\"bob\""),
            With("\"\\u0073ub\":\"bob\""),
            With($"\"\\u0065xp\":{Exp}"),
            With("\"name\":\"a\",\"name\":\"b\""),
            With("\"x\":{\"k\":1,\"k\":2}"),
            With("\"x\":[1,2,3,4,5]"),
            With("\"x\":[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]"),
            With("\"x\":\"\\udfaa\""),
            With("\"\\udfaa\":1"),
            Replace("\"iss\":\"https://issuer.example\"", "\"iss\":\"\\udfaa\\udfaa\\udfaa\\udfaa\""),
            Replace("\"aud\":\"api\"", "\"aud\":[\"web\",\"\\udfaa\"]"),
            "{" + body + "}[]",
            "{" + body,
            "[{" + body + "}]",
            $$"""{"iss":"https:\/\/issuer.example","sub":"alice","aud":"\u0061pi","exp":{{Exp}}.5}""",
            $$"""{"iss":"https://issuer.example","sub":"alice","aud":"api","exp":{{Exp}},"name":"Alice","roles":[]}""",
        ];

        string With(string members) => "{" + body + "," + members + "}";

        static string Replace(string what, string with)
        {
            Assert.Contains(what, Base);
            return Base.Replace(what, with);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Generated_type_declaring_the_registered_claims(string payload) => AssertOnePassAgrees<AccessToken>(payload);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Generated_type_declaring_none_of_them(string payload) => AssertOnePassAgrees<UndeclaredRegisteredClaims>(payload);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Generated_type_declaring_them_optional(string payload) => AssertOnePassAgrees<OptionalRegisteredClaims>(payload);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Hand_written_type(string payload) => AssertOnePassAgrees<AnyAccessTokenClaims>(payload);

    [Fact]
    public void The_payloads_reach_every_outcome()
    {
        // Without this the agreement above could hold trivially, with every payload accepted or every one refused early.
        var outcomes = Corpus.Select(payload => TwoPasses<AccessToken>(payload, out _)).ToList();
        Assert.Contains(JwtError.None, outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.Expired, "exp"), outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.InvalidClaimType, "sub"), outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.MissingClaim, "sub"), outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.DuplicateMember, "sub"), outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.ArrayTooLong, "aud"), outcomes);
        Assert.Contains(outcomes, e => e.Code == JwtErrorCode.ArrayTooLong && e.Name != "aud");
        Assert.Contains(JwtError.Create(JwtErrorCode.MalformedJson, "payload"), outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.InvalidClaimType, "iat"), outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.IssuedInFuture, "iat"), outcomes);
        Assert.Contains(JwtError.Create(JwtErrorCode.ConstraintViolated, "level"), Corpus.Select(payload => TwoPasses<OptionalRegisteredClaims>(payload, out _)));
    }

    [Fact]
    public void A_governed_claim_fails_before_a_typed_claim_that_is_also_wrong()
    {
        string payload = Base.Replace("\"alice\"", "1").Replace($"\"exp\":{Exp}", "\"exp\":1");
        Assert.False(Validator<AccessToken>().TryValidate(Sign(payload), out AccessToken? read, out JwtError error));
        Assert.Equal(JwtError.Create(JwtErrorCode.Expired, "exp"), error);
        Assert.Null(read);
    }

    [Fact]
    public void A_null_time_the_policy_governs_is_a_type_error_even_where_the_member_is_optional()
    {
        string payload = $$"""{"iss":"https://issuer.example","aud":"api","exp":{{Exp}},"nbf":null}""";
        Assert.False(Validator<OptionalRegisteredClaims>().TryValidate(Sign(payload), out _, out JwtError error));
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimType, "nbf"), error);
    }

    [Fact]
    public void An_undeclared_expired_claim_is_still_expired()
    {
        string payload = """{"iss":"https://issuer.example","aud":"api","exp":1,"name":"alice"}""";
        Assert.False(Validator<UndeclaredRegisteredClaims>().TryValidate(Sign(payload), out _, out JwtError error));
        Assert.Equal(JwtError.Create(JwtErrorCode.Expired, "exp"), error);
    }

    [Fact]
    public void A_lone_surrogate_in_a_typed_string_is_malformed_json_not_an_accepted_token()
    {
        string payload = Base.Replace("\"alice\"", "\"\\ud800\"");
        Assert.False(Validator<AccessToken>().TryValidate(Sign(payload), out AccessToken? read, out JwtError error));
        Assert.Equal(JwtError.Create(JwtErrorCode.MalformedJson, "payload"), error);
        Assert.Null(read);
    }

    [Fact]
    public void Encrypted_payload_checks_the_replicated_claims_between_the_registered_claims_and_the_typed_read()
    {
        byte[] cek = JweTestKit.Bytes(32, 9);
        var key = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, cek, "e1");
        var validator = new JweValidator<PatientRecord>(key, TestPolicy);
        string Token(string replicated, string plaintext) => JweTestKit.HandMade(
            $$"""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"{{replicated}}}""", plaintext, cek, JweEncryption.A128CbcHS256);
        string good = $$"""{"iss":"https://issuer.example","aud":"api","exp":{{Exp}},"sub":"patient-17","diagnosis":"J45"}""";
        string badDiagnosis = good.Replace("\"J45\"", "45");

        Assert.True(validator.TryValidate(Token(",\"sub\":\"patient-17\"", good), out PatientRecord? read, out JwtError error), error.Message);
        Assert.Equal("J45", read.Diagnosis);
        Assert.False(validator.TryValidate(Token(",\"sub\":\"patient-18\"", badDiagnosis), out _, out error));
        Assert.Equal(JwtError.Create(JwtErrorCode.ReplicatedClaimMismatch, "sub"), error);
        Assert.False(validator.TryValidate(Token(",\"sub\":\"patient-18\"", badDiagnosis.Replace($"{Exp}", "1")), out _, out error));
        Assert.Equal(JwtError.Create(JwtErrorCode.Expired, "exp"), error);
        Assert.False(validator.TryValidate(Token(",\"sub\":\"patient-17\"", badDiagnosis), out read, out error));
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimType, "diagnosis"), error);
        Assert.Null(read);
    }

    private static void AssertOnePassAgrees<T>(string payload)
        where T : IJwtPayload<T>
    {
        JwtError expected = TwoPasses<T>(payload, out T? reference);

        bool accepted = Validator<T>().TryValidate(Sign(payload), out T? read, out JwtError error);

        Assert.Equal(expected, error);
        Assert.Equal(expected.IsNone, accepted);
        if (accepted)
        {
            Assert.Equal(Json(reference!), Json(read!));
        }
        else
        {
            Assert.Null(read);
        }
    }

    // What validating reported before it read in one pass: the registered-claims pass over the payload, then the typed read
    // of the same JSON with the validator's limits and the declared constraints.
    private static JwtError TwoPasses<T>(string payload, out T? reference)
        where T : IJwtPayload<T>
    {
        reference = default;
        JwtError error = Validator<T>().Validate(Sign(payload).AsSpan());
        return error.IsNone ? ReadSeparately(Encoding.UTF8.GetBytes(payload), out reference) : error;
    }

    // The typed read on its own, with the validator's limits, then the declared constraints.
    private static JwtError ReadSeparately<T>(byte[] json, out T? value)
        where T : IJwtPayload<T>
    {
        value = default;
        var reader = new System.Text.Json.Utf8JsonReader(json, JwtJson.ReaderOptions(TestPolicy.MaxJsonDepth));
        reader.Read();
        if (!T.TryReadJson(ref reader, new JwtReadOptions(TestPolicy.MaxArrayLength), out T? read, out JwtError error))
        {
            return error;
        }

        error = read.ValidateConstraints();
        value = error.IsNone ? read : default;
        return error;
    }

    private static JwtValidator<T> Validator<T>()
        where T : IJwtPayload<T> => new(Key, TestPolicy);

    private static string Sign(string payload) => HandMadeToken.Sign(ValidHeader, payload, Key);

    private static string Json<T>(T value)
        where T : IJwtClaimSet<T>
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        JwtClaimSetWriter.WriteJson(value, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
