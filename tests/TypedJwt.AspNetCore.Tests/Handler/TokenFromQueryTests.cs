using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// TokenFromQuery: the query is read only for Server-Sent Events (and WebSocket, see SampleHubTests) requests under the
/// path prefix, only when there is no Authorization header, and never without the opt-in.
/// </summary>
public sealed class TokenFromQueryTests
{
    private static Task<WebApplication> StartAsync(bool optIn) =>
        TestApp.StartAsync(TestApp.Settings(SampleKey.Create("EC").Jwk), app =>
        {
            app.MapGet("/hubs/events", () => "stream").RequireAuthorization();
            app.MapGet("/me", () => "me").RequireAuthorization();
        }, o =>
        {
            if (optIn)
            {
                o.TokenFromQuery("access_token", "/hubs");
            }
        }, kestrel: true);

    private static HttpRequestMessage EventStream(string path, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (authorization is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", authorization);
        }

        return request;
    }

    [Fact]
    public async Task An_event_stream_under_the_prefix_is_authenticated_by_its_query_token()
    {
        await using WebApplication app = await StartAsync(optIn: true);
        using HttpClient client = TestApp.Client(app);
        string token = TestApp.Issue(app, "alice");

        using HttpResponseMessage stream = await client.SendAsync(EventStream("/hubs/events?access_token=" + token));
        using HttpResponseMessage plain = await client.GetAsync("/hubs/events?access_token=" + token);
        using HttpResponseMessage elsewhere = await client.SendAsync(EventStream("/me?access_token=" + token));
        using HttpResponseMessage twice = await client.SendAsync(EventStream($"/hubs/events?access_token={token}&access_token={token}"));

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, twice.StatusCode);
        Assert.Contains("Compact Serialization", twice.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Authorization_header_wins_over_the_query()
    {
        await using WebApplication app = await StartAsync(optIn: true);
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage response = await client.SendAsync(EventStream("/hubs/events?access_token=" + TestApp.Issue(app, "alice"), authorization: "not-a-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_the_opt_in_the_query_is_never_read()
    {
        await using WebApplication app = await StartAsync(optIn: false);
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage response = await client.SendAsync(EventStream("/hubs/events?access_token=" + TestApp.Issue(app, "alice")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("", "/hubs")]
    [InlineData("access_token", "")]
    [InlineData("access_token", "/")]
    public void The_opt_in_needs_a_parameter_and_a_path_below_the_root(string parameter, string path)
    {
        var options = new TypedJwtBearerOptions();

        Assert.ThrowsAny<ArgumentException>(() => options.TokenFromQuery(parameter, new PathString(path)));
        Assert.Null(options.QueryTokenParameter);
    }
}
