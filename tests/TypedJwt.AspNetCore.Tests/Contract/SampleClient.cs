using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Contract;

/// <summary>The requests the contract tests send, over whichever transport the server uses.</summary>
public static class SampleClient
{
    public static Task<HttpResponseMessage> Login(this SampleServer server, string username, string password) =>
        server.Client.PostAsJsonAsync("/token", new { username, password });

    public static async Task<string> TokenFor(this SampleServer server, string username, string password)
    {
        using HttpResponseMessage response = await server.Login(username, password);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> Get(this SampleServer server, string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return server.Client.SendAsync(request);
    }
}
