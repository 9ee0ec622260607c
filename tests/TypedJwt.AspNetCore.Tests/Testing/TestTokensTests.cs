using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TypedJwt.SampleApi;
using TypedJwt.Testing;

namespace TypedJwt.AspNetCore.Tests.Testing;

/// <summary>
/// TypedJwt.Testing against the sample as a user's test would use it: the application's keys swapped for a test key, and
/// a token of every shape sent to <c>GET /me</c>, each refused for its own reason.
/// </summary>
public sealed class TestTokensTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly TestTokens<AccessToken> _tokens;

    public TestTokensTests()
    {
        _factory = new WebApplicationFactory<Program>().WithTestTokens(
            t => new AccessToken
            {
                Issuer = t.Issuer,
                Audience = t.Audience,
                Subject = "test-user",
                IssuedAt = t.IssuedAt,
                ExpiresAt = t.ExpiresAt,
                TokenId = t.TokenId,
                Roles = ["admin"],
            },
            out _tokens);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_valid_test_token_signs_the_test_in()
    {
        using HttpClient client = _factory.CreateClient().WithBearer(_tokens.Create());

        using HttpResponseMessage me = await client.GetAsync("/me");
        using HttpResponseMessage admin = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"sub\":\"test-user\"", await me.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Theory]
    [InlineData(TestTokenKind.Expired, JwtErrorCode.Expired)]
    [InlineData(TestTokenKind.NotYetValid, JwtErrorCode.NotYetValid)]
    [InlineData(TestTokenKind.WrongIssuer, JwtErrorCode.InvalidIssuer)]
    [InlineData(TestTokenKind.WrongAudience, JwtErrorCode.InvalidAudience)]
    [InlineData(TestTokenKind.WrongType, JwtErrorCode.InvalidTokenType)]
    [InlineData(TestTokenKind.Tampered, JwtErrorCode.InvalidSignature)]
    [InlineData(TestTokenKind.UnknownKeyId, JwtErrorCode.KeyNotFound)]
    [InlineData(TestTokenKind.AlgNone, JwtErrorCode.UnsecuredTokenRejected)]
    public async Task Each_broken_shape_is_refused_for_its_own_reason(TestTokenKind kind, JwtErrorCode code)
    {
        using HttpClient client = _factory.CreateClient().WithBearer(_tokens.Create(kind));

        using HttpResponseMessage me = await client.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        string challenge = me.Headers.WwwAuthenticate.Single().ToString();
        Assert.Contains(BearerChallenge.Sanitize(JwtError.Create(code, code switch
        {
            JwtErrorCode.Expired => "exp",
            JwtErrorCode.NotYetValid => "nbf",
            JwtErrorCode.InvalidIssuer => "iss",
            JwtErrorCode.InvalidAudience => "aud",
            JwtErrorCode.InvalidTokenType => "typ",
            JwtErrorCode.KeyNotFound => "kid",
            JwtErrorCode.UnsecuredTokenRejected => "alg",
            _ => null,
        }).Message), challenge);
    }

    [Fact]
    public async Task Tokens_the_application_issues_are_signed_with_the_test_key_too()
    {
        // A token the sample itself issues (POST /token) is signed with the sample's own key, which the test replaced.
        using HttpClient client = _factory.CreateClient();
        using HttpResponseMessage login = await client.PostAsync("/token", new StringContent("""{"username":"alice","password":"alice-pass"}""", System.Text.Encoding.UTF8, "application/json"));
        string body = await login.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(_tokens.Key.KeyId!, System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!.Split('.')[0])));
    }
}
