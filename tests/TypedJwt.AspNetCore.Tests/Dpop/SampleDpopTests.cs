using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TypedJwt.AspNetCore.Tests.Contract;

namespace TypedJwt.AspNetCore.Tests.Dpop;

/// <summary>
/// The sample's DPoP contract over real HTTP (Kestrel on loopback): POST /token binds a token to the proof's key
/// (RFC 9449 §5, §6.1), /me and /admin accept it with the DPoP scheme and a proof (§7.1), and every refusal of the issue
/// is a 401 with the challenge of §7.1.
/// </summary>
public sealed class SampleDpopTests(DpopSample sample) : IClassFixture<DpopSample>
{
    private readonly DpopClient _client = new(sample);

    [Fact]
    public async Task Rfc9449_5_TokenRequestWithAProof_IsADpopTokenCarryingTheKeysJkt()
    {
        using HttpResponseMessage response = await _client.Login("alice", "alice-pass", _client.Proof("POST", "/token"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("DPoP", body.RootElement.GetProperty("token_type").GetString());

        string token = body.RootElement.GetProperty("access_token").GetString()!;
        using JsonDocument payload = JsonDocument.Parse(Base64UrlDecode(token.Split('.')[1]));
        Assert.Equal(JwkThumbprint.ComputeSha256(_client.Key), payload.RootElement.GetProperty("cnf").GetProperty("jkt").GetString());
    }

    [Fact]
    public async Task TokenRequestWithoutAProof_StaysBearer()
    {
        using HttpResponseMessage response = await _client.Login("alice", "alice-pass", proof: null);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.False(JsonDocument.Parse(Base64UrlDecode(body.RootElement.GetProperty("access_token").GetString()!.Split('.')[1])).RootElement.TryGetProperty("cnf", out _));
    }

    [Fact]
    public async Task Rfc9449_5_TokenRequestWithAProofForAnotherUrl_Is400InvalidDpopProof()
    {
        using HttpResponseMessage response = await _client.Login("alice", "alice-pass", _client.Proof("POST", "/other"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\":\"invalid_dpop_proof\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rfc9449_7_1_MeAndAdmin_AcceptTheDpopSchemeWithAProofWhoseAthMatches()
    {
        string token = await _client.TokenFor("admin", "admin-pass");

        using HttpResponseMessage me = await _client.Get("/me", token, _client.Proof("GET", "/me", token));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"sub\":\"admin\"", await me.Content.ReadAsStringAsync());

        using HttpResponseMessage admin = await _client.Get("/admin", token, _client.Proof("GET", "/admin", token));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Rfc9449_7_2_BoundTokenSentAsBearer_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");

        using HttpResponseMessage withProof = await _client.Send(HttpMethod.Get, "/me", "Bearer", token, _client.Proof("GET", "/me", token));
        await AssertRefused(withProof, "invalid_token");
        using HttpResponseMessage plain = await sample.Get("/me", token);
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
    }

    [Fact]
    public async Task UnboundBearerToken_StillWorks_AndItsChallengeStaysRfc6750()
    {
        string token = await sample.TokenFor("alice", "alice-pass");
        using HttpResponseMessage ok = await sample.Get("/me", token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using HttpResponseMessage missing = await sample.Get("/me", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        string challenge = missing.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer error=\"invalid_token\"", challenge);
        Assert.DoesNotContain("DPoP", challenge);
    }

    [Fact]
    public async Task Rfc9449_11_1_ReplayedProof_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");
        string proof = _client.Proof("GET", "/me", token);

        using HttpResponseMessage first = await _client.Get("/me", token, proof);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using HttpResponseMessage again = await _client.Get("/me", token, proof);
        await AssertRefused(again, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_4_3_ProofForAnotherMethodOrUrl_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");

        using HttpResponseMessage method = await _client.Get("/me", token, _client.Proof("POST", "/me", token));
        await AssertRefused(method, "invalid_dpop_proof");
        using HttpResponseMessage url = await _client.Get("/me", token, _client.Proof("GET", "/admin", token));
        await AssertRefused(url, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_6_1_ProofFromAnotherKey_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");

        using HttpResponseMessage response = await _client.Get("/me", token, _client.Proof("GET", "/me", token, key: DpopClient.NewKey()));
        await AssertRefused(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_11_1_StaleProof_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");

        using HttpResponseMessage response = await _client.Get("/me", token, _client.Proof("GET", "/me", token, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-5)));
        await AssertRefused(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_4_3_ProofWithAnotherAccessTokensAth_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");

        using HttpResponseMessage response = await _client.Get("/me", token, _client.Proof("GET", "/me", "another.access.token"));
        await AssertRefused(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_7_1_DpopSchemeWithoutAProof_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");

        using HttpResponseMessage response = await _client.Get("/me", token, proof: null);
        await AssertRefused(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_4_3_AlgNone_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");
        var header = new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "none", ["jwk"] = DpopClient.PublicJwk(_client.Key) };
        string proof = DpopClient.Encode(header) + "." + DpopClient.Encode(_client.Claims("GET", "/me", token)) + ".";

        using HttpResponseMessage response = await _client.Get("/me", token, proof);
        await AssertRefused(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_4_3_Hs256_Is401()
    {
        string token = await _client.TokenFor("alice", "alice-pass");
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        var header = new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "HS256", ["jwk"] = DpopClient.PublicJwk(_client.Key) };
        string signingInput = DpopClient.Encode(header) + "." + DpopClient.Encode(_client.Claims("GET", "/me", token));
        string proof = signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));

        using HttpResponseMessage response = await _client.Get("/me", token, proof);
        await AssertRefused(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Rfc9449_4_3_ProofCarryingThePrivateKey_Is401()
    {
        // The bound key itself, correctly signed, but with its private d in the jwk.
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JwtSigningKey key = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256);
        var client = new DpopClient(sample);
        using HttpResponseMessage login = await client.Login("alice", "alice-pass", client.Proof("POST", "/token", key: key));
        string token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        JsonObject jwk = DpopClient.PublicJwk(key);
        jwk["d"] = System.Buffers.Text.Base64Url.EncodeToString(ecdsa.ExportParameters(true).D!);
        string proof = DpopClient.Sign(key, new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "ES256", ["jwk"] = jwk }, client.Claims("GET", "/me", token));

        using HttpResponseMessage response = await client.Get("/me", token, proof);
        await AssertRefused(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task IndependentImplementation_IdentityModelSignedProof_IsAccepted()
    {
        // Microsoft.IdentityModel's JsonWebTokenHandler signs the proof; the test builds the jwk header itself from the
        // ECDsa parameters, not from TypedJwt.
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters p = ecdsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        };
        var credentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa), SecurityAlgorithms.EcdsaSha256);
        var handler = new JsonWebTokenHandler();
        string Proof(string method, string path, string? accessToken)
        {
            var claims = new Dictionary<string, object>
            {
                ["jti"] = Guid.NewGuid().ToString(),
                ["htm"] = method,
                ["htu"] = _client.Url(path),
                ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            };
            if (accessToken is not null)
            {
                claims["ath"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));
            }

            return handler.CreateToken(JsonSerializer.Serialize(claims), credentials, new Dictionary<string, object> { ["typ"] = "dpop+jwt", ["jwk"] = jwk });
        }

        using HttpResponseMessage login = await _client.Login("alice", "alice-pass", Proof("POST", "/token", null));
        string body = await login.Content.ReadAsStringAsync();
        Assert.True(login.IsSuccessStatusCode, body);
        string token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;

        using HttpResponseMessage me = await _client.Get("/me", token, Proof("GET", "/me", token));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static async Task AssertRefused(HttpResponseMessage response, string error)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        string challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains($"error=\"{error}\"", challenge);
        Assert.Contains("algs=\"ES256", challenge);
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
