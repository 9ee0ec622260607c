using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Dpop;

/// <summary>A DPoP client of the sample: its own P-256 key, proofs made with TypedJwt's writer or forged by hand.</summary>
/// <remarks><paramref name="publicOrigin"/>: the origin proofs name in htu, when not the server's own address (behind a proxy).</remarks>
public sealed class DpopClient(KestrelSample server, string? publicOrigin = null)
{
    public JwtSigningKey Key { get; init; } = NewKey();

    public KestrelSample Server { get; } = server;

    public static JwtSigningKey NewKey() => JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256);

    public string Url(string path) => new Uri(publicOrigin is null ? Server.BaseAddress : new Uri(publicOrigin), path).ToString();

    public string Proof(string method, string path, string? accessToken = null, string? nonce = null, DateTimeOffset? issuedAt = null, JwtSigningKey? key = null) =>
        DpopProofWriter.Write(key ?? Key, method, Url(path), accessToken, nonce, issuedAt);

    /// <summary>POST /token with a proof (RFC 9449 §5); the response, unread.</summary>
    public Task<HttpResponseMessage> Login(string username, string password, string? proof)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/token") { Content = JsonContent.Create(new { username, password }) };
        if (proof is not null)
        {
            request.Headers.Add("DPoP", proof);
        }

        return Server.Client.SendAsync(request);
    }

    /// <summary>A DPoP-bound token for the user, made with a fresh proof.</summary>
    public async Task<string> TokenFor(string username, string password)
    {
        using HttpResponseMessage response = await Login(username, password, Proof("POST", "/token"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using JsonDocument json = JsonDocument.Parse(body);
        Assert.Equal("DPoP", json.RootElement.GetProperty("token_type").GetString());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A request with <c>Authorization: {scheme} token</c> and, when given, a <c>DPoP</c> proof header.</summary>
    public Task<HttpResponseMessage> Send(HttpMethod method, string path, string scheme, string token, string? proof)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        if (proof is not null)
        {
            request.Headers.Add("DPoP", proof);
        }

        return Server.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> Get(string path, string token, string? proof) => Send(HttpMethod.Get, path, "DPoP", token, proof);

    // Hand-made proofs, for what TypedJwt's writer refuses to make.

    public static JsonObject PublicJwk(JwtSigningKey key)
    {
        JsonObject jwk = JsonNode.Parse(key.ToPublicJwk())!.AsObject();
        jwk.Remove("alg");
        jwk.Remove("use");
        jwk.Remove("kid");
        return jwk;
    }

    public JsonObject Claims(string method, string path, string? accessToken) => new()
    {
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["htm"] = method,
        ["htu"] = Url(path),
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["ath"] = accessToken is null ? null : DpopProofWriter.HashAccessToken(accessToken),
    };

    public static string Encode(JsonNode json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    public static string Sign(JwtSigningKey key, JsonObject header, JsonObject claims)
    {
        string signingInput = Encode(header) + "." + Encode(claims);
        byte[] signature = new byte[key.SignatureSize];
        Assert.True(key.TrySign(Encoding.ASCII.GetBytes(signingInput), signature, out int written));
        return signingInput + "." + Base64Url.EncodeToString(signature.AsSpan(0, written));
    }
}
