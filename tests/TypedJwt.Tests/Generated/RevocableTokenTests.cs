namespace TypedJwt.Tests.Generated;

/// <summary>
/// <c>[JwtPayload(Revocable = true)]</c>: the type says it is revocable, and its reader refuses a token without the
/// <c>jti</c> that revocation finds it by (the generator refuses the type itself without a required <c>jti</c>: TJ0020).
/// </summary>
public class RevocableTokenTests
{
    [Fact]
    public void A_revocable_type_says_so_and_others_do_not()
    {
        Assert.True(IsRevocable<RevocableToken>());
        Assert.False(IsRevocable<AccessToken>());
    }

    [Fact]
    public void A_token_without_jti_is_refused_naming_the_claim()
    {
        JwtError error = Json.Error<RevocableToken>("""{"sub":"alice"}""");
        Assert.Equal(JwtErrorCode.MissingClaim, error.Code);
        Assert.Contains("'jti'", error.Message);

        Assert.Equal(new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), Json.Read<RevocableToken>("""{"sub":"alice","jti":"6f9619ff-8b86-d011-b42d-00cf4fc964ff"}""").TokenId);
    }

    private static bool IsRevocable<T>() where T : IJwtPayload<T> => T.IsRevocable;
}
