using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>Several issuers on one scheme (Issuers), and tokens from a peer library with keys the provider publishes.</summary>
public sealed class IssuerRegistryTests
{
    private static Dictionary<string, string?> TwoIssuers(JwksServer a, JwksServer b) => new()
    {
        ["Jwt:Audience"] = ProviderApp.Audience,
        ["Jwt:RequireHttpsMetadata"] = "false",
        ["Jwt:RefreshInterval"] = "00:00:10",
        ["Jwt:AutomaticRefreshInterval"] = "00:01:00",
        ["Jwt:Issuers:0:Issuer"] = a.Authority,
        ["Jwt:Issuers:0:JwksUri"] = a.JwksUri,
        ["Jwt:Issuers:1:Authority"] = b.Authority,
    };

    [Fact]
    public async Task A_key_of_one_issuer_never_verifies_a_token_claiming_the_other()
    {
        await using JwksServer a = await JwksServer.StartAsync();
        await using JwksServer b = await JwksServer.StartAsync();
        // The same kid at both issuers: the kid alone must not select a key across issuers.
        JwtSigningKey keyA = JwksServer.NewRsaKey("k1"), keyB = JwksServer.NewRsaKey("k1");
        a.Publish(keyA);
        b.Publish(keyB);
        await using ProviderApp app = await ProviderApp.StartAsync(TwoIssuers(a, b));

        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(keyA, a.Authority)));
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(app.Token(keyB, b.Authority)));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(keyA, b.Authority)));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(app.Token(keyB, a.Authority)));
    }

    [Fact]
    public async Task An_unknown_issuer_is_refused_before_any_key_is_fetched_or_used()
    {
        await using JwksServer a = await JwksServer.StartAsync();
        await using JwksServer b = await JwksServer.StartAsync();
        JwtSigningKey keyA = JwksServer.NewRsaKey("k1");
        a.Publish(keyA);
        b.Publish(JwksServer.NewRsaKey("k2"));
        await using ProviderApp app = await ProviderApp.StartAsync(TwoIssuers(a, b));
        int hits = a.JwksHits + b.JwksHits;

        using HttpResponseMessage response = await app.Client.SendAsync(Handler.TestApp.Get("/me", app.Token(keyA, "https://unknown.example", kid: "unknown-kid")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("'iss'", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(hits, a.JwksHits + b.JwksHits);
    }

    [Fact]
    public async Task Tokens_from_IdentityModels_JsonWebTokenHandler_validate_with_the_published_keys()
    {
        await using JwksServer provider = await JwksServer.StartAsync();
        using var rsa = RSA.Create(2048);
        provider.Publish(JwtSigningKey.FromRsa(rsa, JwsAlgorithm.RS256, "idm-1"));
        await using ProviderApp app = await ProviderApp.StartAsync(ProviderApp.Settings(provider.Authority));
        DateTime now = app.Time.GetUtcNow().UtcDateTime;

        string token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = provider.Authority,
            Audience = ProviderApp.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object> { ["sub"] = "idm-user", ["jti"] = Guid.NewGuid().ToString(), ["roles"] = new[] { "user" } },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "idm-1" }, SecurityAlgorithms.RsaSha256),
        });

        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
    }
}
