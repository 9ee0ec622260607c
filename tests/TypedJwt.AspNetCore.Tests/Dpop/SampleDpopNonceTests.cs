using System.Net;
using System.Text.Json;

namespace TypedJwt.AspNetCore.Tests.Dpop;

/// <summary>Server nonces (RFC 9449 §8) with <c>Jwt:Dpop:RequireNonce=true</c>, at the token endpoint (§8.1) and at /me (§9).</summary>
public sealed class SampleDpopNonceTests(DpopNonceSample sample) : IClassFixture<DpopNonceSample>
{
    private readonly DpopClient _client = new(sample);

    [Fact]
    public async Task Rfc9449_8_ProofWithoutTheServersNonce_GetsUseDpopNonce_ThenTheRetryWithItIsAccepted()
    {
        using HttpResponseMessage first = await _client.Login("alice", "alice-pass", _client.Proof("POST", "/token"));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("\"error\":\"use_dpop_nonce\"", await first.Content.ReadAsStringAsync());
        string nonce = Assert.Single(first.Headers.GetValues("DPoP-Nonce"));

        using HttpResponseMessage retry = await _client.Login("alice", "alice-pass", _client.Proof("POST", "/token", nonce: nonce));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        string token = JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        using HttpResponseMessage me = await _client.Get("/me", token, _client.Proof("GET", "/me", token));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Contains("DPoP error=\"use_dpop_nonce\"", me.Headers.WwwAuthenticate.ToString());
        string resourceNonce = Assert.Single(me.Headers.GetValues("DPoP-Nonce"));

        using HttpResponseMessage meAgain = await _client.Get("/me", token, _client.Proof("GET", "/me", token, nonce: resourceNonce));
        Assert.Equal(HttpStatusCode.OK, meAgain.StatusCode);
    }

    [Fact]
    public async Task Rfc9449_8_ANonceTheServerNeverMade_IsRefused()
    {
        using HttpResponseMessage response = await _client.Login("alice", "alice-pass", _client.Proof("POST", "/token", nonce: "eyJmYWtlIjoibm9uY2UifQ"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("use_dpop_nonce", await response.Content.ReadAsStringAsync());
    }
}
