using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// Security review F4 and F10, and the class they belong to: no policy, clock or token date can make the validate path
/// throw, overflow or recurse without bound. Every limit has a ceiling that is checked when a validator is created.
/// </summary>
public class PolicyCeilingTests
{
    public static TheoryData<string, Func<JwtValidationPolicy, JwtValidationPolicy>> OutOfRange() => new()
    {
        { "Leeway", p => With(p, leeway: TimeSpan.MaxValue) },
        { "Leeway", p => With(p, leeway: JwtValidationPolicy.MaxLeeway + TimeSpan.FromTicks(1)) },
        { "Leeway", p => With(p, leeway: TimeSpan.FromTicks(-1)) },
        { "MaxJsonDepth", p => With(p, maxJsonDepth: JwtValidationPolicy.MaxJsonDepthLimit + 1) },
        { "MaxJsonDepth", p => With(p, maxJsonDepth: int.MaxValue) },
        { "MaxJsonDepth", p => With(p, maxJsonDepth: 0) },
        { "MaxTokenLength", p => With(p, maxTokenLength: JwtValidationPolicy.MaxTokenLengthLimit + 1) },
        { "MaxTokenLength", p => With(p, maxTokenLength: int.MaxValue) },
        { "MaxTokenAge", p => With(p, maxTokenAge: TimeSpan.Zero) },
        { "MaxTokenAge", p => With(p, maxTokenAge: TimeSpan.FromSeconds(-1)) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Every_validator_refuses_a_policy_beyond_a_ceiling_when_it_is_created(string setting, Func<JwtValidationPolicy, JwtValidationPolicy> adjust)
    {
        JwtValidationPolicy policy = ValidatorTestKit.Policy(adjust);
        JwtEncryptionKey encryptionKey = JweTestKit.KeyFor(JweAlgorithm.A256KW, JweEncryption.A256GCM);

        foreach (Action create in new Action[]
        {
            () => new JwtValidator<AnyAccessTokenClaims>(ValidatorTestKit.Key, policy),
            () => new JweValidator<AnyAccessTokenClaims>(encryptionKey, policy),
            () => new NestedJwtValidator<AnyAccessTokenClaims>(encryptionKey, new JwtKeySet(ValidatorTestKit.Key), policy),
        })
        {
            Assert.Contains(setting, Assert.Throws<ArgumentException>(create).Message);
        }
    }

    [Fact]
    public void The_ceilings_themselves_are_accepted()
    {
        JwtValidationPolicy policy = ValidatorTestKit.Policy(p => With(
            p,
            leeway: JwtValidationPolicy.MaxLeeway,
            maxJsonDepth: JwtValidationPolicy.MaxJsonDepthLimit,
            maxTokenLength: JwtValidationPolicy.MaxTokenLengthLimit,
            maxTokenAge: TimeSpan.MaxValue));

        string token = HandMadeToken.Sign(ValidatorTestKit.ValidHeader, ValidatorTestKit.ValidPayload($",\"iat\":{ValidatorTestKit.NowSeconds}"), ValidatorTestKit.Key);
        Assert.Equal(JwtError.None, ValidatorTestKit.Validator(policy).Validate(token));
    }

    public static TheoryData<DateTimeOffset> ExtremeClocks() => [DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch];

    [Theory]
    [MemberData(nameof(ExtremeClocks))]
    public void Extreme_clocks_and_dates_at_the_ceilings_never_throw(DateTimeOffset now)
    {
        // The largest leeway and age against clocks at the ends of time, and NumericDates at the ends of what is representable.
        var policy = new JwtValidationPolicy
        {
            ValidIssuers = ["https://issuer.example"],
            ValidAudiences = ["api"],
            Leeway = JwtValidationPolicy.MaxLeeway,
            MaxTokenAge = TimeSpan.MaxValue,
            TimeProvider = new FakeTimeProvider(now),
        };
        var validator = new JwtValidator<AnyAccessTokenClaims>(ValidatorTestKit.Key, policy);
        long max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        long min = DateTimeOffset.MinValue.ToUnixTimeSeconds();

        foreach (string dates in new[]
        {
            $$"""{"exp":{{max}},"nbf":{{min}},"iat":{{min}}}""",
            $$"""{"exp":{{max}},"nbf":{{max}},"iat":{{max}}}""",
            $$"""{"exp":{{min}},"nbf":{{min}},"iat":{{max}}}""",
            $$"""{"exp":{{max}}.999,"iat":{{min + 1}}.5}""",
        })
        {
            string payload = dates[..^1] + ""","iss":"https://issuer.example","aud":"api"}""";
            string token = HandMadeToken.Sign(ValidatorTestKit.ValidHeader, payload, ValidatorTestKit.Key);
            JwtError error = validator.Validate(token);
            validator.TryValidate(token, out _, out _);
            Assert.True(error.IsNone || error.Code is JwtErrorCode.Expired or JwtErrorCode.NotYetValid or JwtErrorCode.IssuedInFuture or JwtErrorCode.TokenTooOld, error.Message);
        }
    }

    [Fact]
    public void Skipping_at_the_deepest_allowed_nesting_is_bounded_and_an_object_one_deeper_is_refused()
    {
        JwtValidationPolicy policy = ValidatorTestKit.Policy(p => With(p, maxJsonDepth: JwtValidationPolicy.MaxJsonDepthLimit));
        JwtValidator<AnyAccessTokenClaims> validator = ValidatorTestKit.Validator(policy);

        // Depth 1 is the header object; "x" adds up to the limit exactly, in the header (read before the signature) and the payload.
        string Nest(int levels) => string.Concat(Enumerable.Range(0, levels).Select(i => i % 2 == 0 ? "[" : """{"a":""")) + "0"
            + string.Concat(Enumerable.Range(0, levels).Reverse().Select(i => i % 2 == 0 ? "]" : "}"));
        int inside = JwtValidationPolicy.MaxJsonDepthLimit - 1;

        string deepest = HandMadeToken.Sign($$"""{"alg":"HS256","typ":"at+jwt","x":{{Nest(inside)}}}""", ValidatorTestKit.ValidPayload($$""","x":{{Nest(inside)}}"""), ValidatorTestKit.Key);
        Assert.Equal(JwtError.None, validator.Validate(deepest));

        string deeper = HandMadeToken.Sign($$"""{"alg":"HS256","typ":"at+jwt","x":{{Nest(inside + 1)}}}""", ValidatorTestKit.ValidPayload(), ValidatorTestKit.Key);
        Assert.Equal(JwtError.Create(JwtErrorCode.JsonTooDeep, "header"), validator.Validate(deeper));
    }

    internal static JwtValidationPolicy With(
        JwtValidationPolicy p,
        TimeSpan? leeway = null,
        int? maxJsonDepth = null,
        int? maxTokenLength = null,
        TimeSpan? maxTokenAge = null) => new()
        {
            ValidIssuers = p.ValidIssuers,
            ValidAudiences = p.ValidAudiences,
            TimeProvider = p.TimeProvider,
            Leeway = leeway ?? p.Leeway,
            MaxJsonDepth = maxJsonDepth ?? p.MaxJsonDepth,
            MaxTokenLength = maxTokenLength ?? p.MaxTokenLength,
            MaxTokenAge = maxTokenAge ?? p.MaxTokenAge,
        };
}
