using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using TypedJwt.AspNetCore.Tests.Contract;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.SignalR;

/// <summary>
/// The sample's hub over real WebSockets (the sample as its own process on Kestrel, loopback), with the token in the
/// query string as SignalR's browser client sends it (<c>TokenFromQuery("access_token", "/hubs")</c>).
/// </summary>
public sealed class SampleHubTests(KestrelEcSample server) : IClassFixture<KestrelEcSample>
{
    private HubConnection Connect(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/whoami" + (token is null ? "" : "?access_token=" + Uri.EscapeDataString(token))), options =>
            {
                // Straight to the WebSocket, no negotiate request and no Authorization header: only the query carries the token.
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();

    [Fact]
    public async Task A_valid_token_in_the_query_connects_and_the_hub_sees_its_subject()
    {
        await using HubConnection connection = Connect(await server.TokenFor("alice", "alice-pass"));

        await connection.StartAsync();

        Assert.Equal("alice", await connection.InvokeAsync<string>("WhoAmI"));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("garbage")]
    [InlineData("none")]
    public async Task A_refused_or_missing_token_cannot_connect(string kind)
    {
        string valid = await server.TokenFor("alice", "alice-pass");
        string? token = kind switch
        {
            "tampered" => valid[..^2] + (valid[^2] == 'A' ? "BB" : "AA"),
            "garbage" => "not-a-token",
            _ => null,
        };
        await using HubConnection connection = Connect(token);

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task The_query_is_not_read_outside_the_hubs_or_for_plain_requests()
    {
        string token = Uri.EscapeDataString(await server.TokenFor("alice", "alice-pass"));

        using HttpResponseMessage me = await server.Client.GetAsync("/me?access_token=" + token);
        using HttpResponseMessage negotiate = await server.Client.PostAsync("/hubs/whoami/negotiate?negotiateVersion=1&access_token=" + token, content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }
}
