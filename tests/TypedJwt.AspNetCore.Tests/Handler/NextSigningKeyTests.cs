using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>NextSigningKey: the next key is published and accepted before it signs anything; issuing keeps the current key.</summary>
public sealed class NextSigningKeyTests
{
    [Fact]
    public async Task The_next_key_is_published_and_accepted_but_does_not_sign()
    {
        SampleKey current = SampleKey.Create("EC"), next = SampleKey.Create("RSA");
        Dictionary<string, string?> settings = TestApp.Settings(current.Jwk);
        settings["Jwt:NextSigningKey"] = next.Jwk;
        await using WebApplication app = await TestApp.StartAsync(settings, map: a =>
        {
            a.MapJwks();
            a.MapGet("/me", () => "ok").RequireAuthorization();
        });
        using HttpClient client = app.GetTestClient();

        string jwks = await client.GetStringAsync("/.well-known/jwks.json");
        Assert.Contains($"\"kid\":\"{current.KeyId}\"", jwks, StringComparison.Ordinal);
        Assert.Contains($"\"kid\":\"{next.KeyId}\"", jwks, StringComparison.Ordinal);

        string issued = TestApp.Issue(app, "alice", "user");
        Assert.Contains(current.KeyId, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(issued.Split('.')[0]))), StringComparison.Ordinal);
        string byNext = TokenForge.Sign(TokenForge.Header("RS256", next.KeyId), TokenForge.Payload(TestApp.Issuer, TestApp.Audience), next.Signing);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(TestApp.Get("/me", issued))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(TestApp.Get("/me", byNext))).StatusCode);
    }

    [Fact]
    public async Task A_next_key_with_the_current_kid_stops_start_up()
    {
        SampleKey current = SampleKey.Create("RSA");
        Dictionary<string, string?> settings = TestApp.Settings(current.Jwk);
        settings["Jwt:NextSigningKey"] = SampleKey.Create("RSA").Jwk;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains(current.KeyId, error.Message, StringComparison.Ordinal);
    }

    private static string PadBase64(string segment)
    {
        string s = segment.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
