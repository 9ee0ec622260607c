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
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{expected}\"", BearerChallenge.Format("invalid_token", description, null));
    }

    [Theory]
    [InlineData(null, null, null, "Bearer")]
    [InlineData(null, "why", null, "Bearer error_description=\"why\"")]
    [InlineData("invalid_token", null, "https://e.example/\"x", "Bearer error=\"invalid_token\", error_uri=\"https://e.example/?x\"")]
    public void Parameters_left_null_are_left_out(string? error, string? description, string? uri, string expected)
    {
        Assert.Equal(expected, BearerChallenge.Format(error, description, uri));
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
