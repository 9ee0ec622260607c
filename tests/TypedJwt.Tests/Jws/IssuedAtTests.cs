using TypedJwt.Tests.Generated;
using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// <c>iat</c> (RFC 7519 §4.1.6). A token that says it was issued in the future, beyond the leeway, is refused by default
/// (<see cref="JwtErrorCode.IssuedInFuture"/>): no honest issuer's clock makes one. <see cref="JwtValidationPolicy.MaxTokenAge"/>
/// requires <c>iat</c> and refuses tokens issued longer ago (OpenID Connect Core §3.1.3.7, panva/jose's <c>maxTokenAge</c>).
/// Each check runs on every path: validate only, the typed read of a type that declares <c>iat</c> and of one that does not, JWE.
/// </summary>
public class IssuedAtTests
{
    private static readonly TimeSpan Leeway = JwtValidationPolicy.DefaultLeeway;

    private static string Payload(long? iat) =>
        $$"""{"iss":"https://issuer.example","sub":"alice","aud":"api","exp":{{NowSeconds + 86400}}{{(iat is { } i ? $",\"iat\":{i}" : "")}}}""";

    private static JwtValidationPolicy PolicyWithMaxAge(TimeSpan? maxAge) => Policy(p => PolicyCeilingTests.With(p, maxTokenAge: maxAge));

    // Validate, and the typed reads of a type that declares iat (AccessToken) and of one that does not.
    private static IEnumerable<JwtError> EveryPath(string payload, JwtValidationPolicy policy)
    {
        string signed = HandMadeToken.Sign(ValidHeader, payload, Key);
        yield return new JwtValidator<AnyAccessTokenClaims>(Key, policy).Validate(signed);
        new JwtValidator<AccessToken>(Key, policy).TryValidate(signed, out _, out JwtError declared);
        yield return declared;
        new JwtValidator<AnyAccessTokenClaims>(Key, policy).TryValidate(signed, out _, out JwtError undeclared);
        yield return undeclared;

        byte[] cek = JweTestKit.Bytes(32, 4);
        string encrypted = JweTestKit.HandMade("""{"alg":"dir","enc":"A128CBC-HS256","typ":"at+jwt"}""", payload, cek, JweEncryption.A128CbcHS256);
        var jwe = new JweValidator<AccessToken>(JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, cek), policy);
        jwe.TryValidate(encrypted, out _, out JwtError decrypted);
        yield return decrypted;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3600)]
    [InlineData(86400 * 365)]
    public void An_iat_in_the_future_beyond_the_leeway_is_refused(long secondsAhead)
    {
        long iat = NowSeconds + (long)Leeway.TotalSeconds + secondsAhead;

        Assert.All(EveryPath(Payload(iat), Policy()), error => Assert.Equal(JwtError.Create(JwtErrorCode.IssuedInFuture, "iat"), error));
        Assert.Contains("'iat'", JwtError.Create(JwtErrorCode.IssuedInFuture, "iat").Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(30L)]
    [InlineData(-86400L * 365)]
    public void An_iat_now_within_the_leeway_or_in_the_past_is_accepted_without_a_maximum_age(long? offset)
    {
        Assert.All(EveryPath(Payload(offset is { } o ? NowSeconds + o : null), Policy()), error => Assert.Equal(JwtError.None, error));
    }

    [Fact]
    public void MaxTokenAge_requires_iat()
    {
        Assert.All(EveryPath(Payload(null), PolicyWithMaxAge(TimeSpan.FromHours(1))), error => Assert.Equal(JwtError.Create(JwtErrorCode.MissingClaim, "iat"), error));
    }

    [Theory]
    [InlineData(3600 + 30 + 1, JwtErrorCode.TokenTooOld)]
    [InlineData(86400 * 30, JwtErrorCode.TokenTooOld)]
    [InlineData(3600 + 30, JwtErrorCode.None)]
    [InlineData(3600, JwtErrorCode.None)]
    [InlineData(0, JwtErrorCode.None)]
    public void MaxTokenAge_refuses_older_tokens_with_the_leeway(long age, JwtErrorCode expected)
    {
        JwtError want = expected == JwtErrorCode.None ? JwtError.None : JwtError.Create(expected, "iat");

        Assert.All(EveryPath(Payload(NowSeconds - age), PolicyWithMaxAge(TimeSpan.FromHours(1))), error => Assert.Equal(want, error));
    }

    [Fact]
    public void An_iat_that_is_not_a_NumericDate_is_a_type_error_on_every_path()
    {
        foreach (string value in new[] { "\"yesterday\"", "null", "true", "[1]" })
        {
            string payload = Payload(null)[..^1] + ",\"iat\":" + value + "}";
            Assert.All(EveryPath(payload, Policy()), error => Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimType, "iat"), error));
        }
    }

    [Fact]
    public void The_order_is_exp_nbf_iat_iss_aud()
    {
        string expiredAndFuture = $$"""{"iss":"https://evil.example","aud":"api","exp":1,"iat":{{NowSeconds + 3600}}}""";
        string futureAndWrongIssuer = $$"""{"iss":"https://evil.example","aud":"api","exp":{{NowSeconds + 600}},"iat":{{NowSeconds + 3600}}}""";

        Assert.Equal(JwtErrorCode.Expired, Validator().Validate(HandMadeToken.Sign(ValidHeader, expiredAndFuture, Key)).Code);
        Assert.Equal(JwtErrorCode.IssuedInFuture, Validator().Validate(HandMadeToken.Sign(ValidHeader, futureAndWrongIssuer, Key)).Code);
    }
}
