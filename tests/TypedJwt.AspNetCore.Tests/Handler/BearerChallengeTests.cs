namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>The challenge header stays within RFC 6750's character set whatever a description holds.</summary>
public sealed class BearerChallengeTests
{
    [Theory]
    [InlineData("plain 'text'.", "plain 'text'.")]
    [InlineData("quote \" and backslash \\", "quote ? and backslash ?")]
    [InlineData("line\r\nbreak", "line??break")]
    [InlineData("non-ascii é", "non-ascii ?")]
    public void Description_characters_outside_RFC_6750_are_replaced(string description, string expected)
    {
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{expected}\"", BearerChallenge.InvalidToken(description));
    }

    [Fact]
    public void Every_error_message_goes_out_unchanged()
    {
        foreach (JwtErrorCode code in Enum.GetValues<JwtErrorCode>())
        {
            string message = JwtError.Create(code, "exp").Message;
            Assert.Equal(message, BearerChallenge.Sanitize(message));
        }
    }
}
