namespace TypedJwt.Tests;

public class JwtErrorTests
{
    [Fact]
    public void Message_names_the_claim()
    {
        var error = JwtError.Create(JwtErrorCode.InvalidClaimType, "exp");
        Assert.Contains("'exp'", error.Message);
        Assert.Contains("wrong JSON type", error.Message);
    }

    [Fact]
    public void Errors_compare_by_code_and_name()
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.MissingClaim, "sub"), JwtError.Create(JwtErrorCode.MissingClaim, "sub"));
        Assert.NotEqual(JwtError.Create(JwtErrorCode.MissingClaim, "sub"), JwtError.Create(JwtErrorCode.MissingClaim, "iss"));
        Assert.True(JwtError.None.IsNone);
    }

    [Fact]
    public void Every_error_code_has_its_own_message()
    {
        foreach (JwtErrorCode code in Enum.GetValues<JwtErrorCode>())
        {
            Assert.DoesNotContain("Error " + (int)code, JwtError.Create(code, "x").Message);
        }
    }
}
