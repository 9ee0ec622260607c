using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Jws;

/// <summary>Shared keys, clock and policy for the validator tests: one HS256 key, "now" fixed at 2030-01-01.</summary>
internal static class ValidatorTestKit
{
    public static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly JwtSigningKey Key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), "k1");

    public static readonly JwtSigningKey OtherKey = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Enumerable.Range(101, 32).Select(i => (byte)i).ToArray(), "k1");

    public static long NowSeconds => Now.ToUnixTimeSeconds();

    public static JwtValidationPolicy Policy(Func<JwtValidationPolicy, JwtValidationPolicy>? adjust = null)
    {
        var policy = new JwtValidationPolicy
        {
            ValidIssuers = ["https://issuer.example"],
            ValidAudiences = ["api"],
            TimeProvider = new FakeTimeProvider(Now),
        };
        return adjust is null ? policy : adjust(policy);
    }

    public static JwtValidator<AnyAccessTokenClaims> Validator(JwtValidationPolicy? policy = null) => new(Key, policy ?? Policy());

    public static string ValidPayload(string extra = "") =>
        $$"""{"iss":"https://issuer.example","aud":"api","exp":{{NowSeconds + 600}}{{extra}}}""";

    public const string ValidHeader = """{"alg":"HS256","typ":"at+jwt","kid":"k1"}""";

    public static JwtError ValidateHandMade(string header, string payload, JwtValidationPolicy? policy = null) =>
        Validator(policy).Validate(HandMadeToken.Sign(header, payload, Key));
}
