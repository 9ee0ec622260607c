using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// <c>AddTypedJwtBearer&lt;T&gt;</c> with a payload type declared <c>Encrypted = true</c>: the scheme issues and accepts
/// tokens signed then encrypted (the default, <c>RequireSignedTokens</c>), or, opted out, plain JWEs with a shared key, and
/// refuses every other form. The principal is projected from the decrypted, typed payload.
/// </summary>
public sealed class EncryptedPayloadTests
{
    private const string Issuer = "https://issuer.example";
    private const string Audience = "sealed-api";

    private static readonly RSA Recipient = RSA.Create(2048);

    private static JwtEncryptionKey RsaEncryption(string kid = "enc-1") =>
        JwtEncryptionKey.FromRsa(Recipient, JweAlgorithm.RsaOaep256, JweEncryption.A256GCM, kid);

    private static JwtEncryptionKey SharedEncryption(byte seed = 7) =>
        JwtEncryptionKey.CreateDirect(JweEncryption.A256GCM, [.. Enumerable.Range(seed, 32).Select(i => (byte)i)], "shared-1");

    private static async Task<WebApplication> StartAsync(Action<TypedJwtBearerOptions> configure)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme).AddTypedJwtBearer<SealedToken>(options =>
        {
            options.Issuer = Issuer;
            options.Audience = Audience;
            configure(options);
        });
        builder.Services.AddAuthorization();
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ValidatedJwt<SealedToken> jwt, ClaimsPrincipal user) => $"{jwt.Payload.Subject} {jwt.Payload.Email} admin={user.IsInRole("admin")}");
        await app.StartAsync();
        return app;
    }

    private static string Issue(WebApplication app, string subject = "alice") =>
        app.Services.GetRequiredService<JwtIssuer<SealedToken>>().Issue(t => new SealedToken
        {
            Issuer = t.Issuer,
            Audience = t.Audience,
            Subject = subject,
            ExpiresAt = t.ExpiresAt,
            Roles = ["admin"],
            Email = subject + "@example.com",
        }).Token;

    private static SealedToken Sealed(string subject = "mallory") => new()
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = subject,
        ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
        Roles = ["admin"],
        Email = "mallory@example.com",
    };

    private static async Task<(HttpStatusCode Status, string Body, string? Challenge)> GetMe(WebApplication app, string token)
    {
        using HttpClient client = app.GetTestClient();
        using HttpResponseMessage response = await client.SendAsync(TestApp.Get("/me", token));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString());
    }

    [Fact]
    public async Task Nested_tokens_are_issued_and_accepted_and_their_payload_is_not_readable()
    {
        SampleKey signing = SampleKey.Create("EC");
        await using WebApplication app = await StartAsync(o =>
        {
            o.SigningKey = signing.Signing;
            o.EncryptionKey = RsaEncryption();
        });
        string token = Issue(app);

        Assert.Equal(4, token.Count(c => c == '.'));
        Assert.DoesNotContain("alice", string.Concat(token.Split('.').Select(DecodeOrEmpty)));
        (HttpStatusCode status, string body, _) = await GetMe(app, token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("alice alice@example.com admin=True", body);
    }

    [Fact]
    public async Task A_nested_scheme_refuses_every_other_form()
    {
        SampleKey signing = SampleKey.Create("EC");
        JwtEncryptionKey encryption = RsaEncryption();
        await using WebApplication app = await StartAsync(o =>
        {
            o.SigningKey = signing.Signing;
            o.EncryptionKey = encryption;
        });

        // Encrypted to the scheme's public key by anyone, with no signature inside: the forgery public-key encryption allows.
        using RSA publicOnly = RSA.Create();
        publicOnly.ImportParameters(Recipient.ExportParameters(false));
        JwtEncryptionKey attacker = JwtEncryptionKey.FromRsa(publicOnly, JweAlgorithm.RsaOaep256, JweEncryption.A256GCM, "enc-1");
        string encryptedOnly = JweWriter.Write(Sealed(), attacker);
        string signedByAnother = JweWriter.WriteNested(Sealed(), signing.Impostor().Signing, attacker);
        string signedOnly = JwsWriter.Write(Sealed(), signing.Signing);

        foreach ((string token, JwtErrorCode code) in new[]
        {
            (encryptedOnly, JwtErrorCode.InvalidContentType),
            (signedByAnother, JwtErrorCode.InvalidSignature),
            (signedOnly, JwtErrorCode.SignedTokenNotExpected),
        })
        {
            (HttpStatusCode status, _, string? challenge) = await GetMe(app, token);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Contains(BearerChallenge.Sanitize(JwtError.Create(code).Message)[..20], challenge);
        }
    }

    [Fact]
    public async Task Without_RequireSignedTokens_a_shared_key_scheme_issues_and_accepts_plain_JWEs()
    {
        await using WebApplication app = await StartAsync(o =>
        {
            o.EncryptionKey = SharedEncryption();
            o.RequireSignedTokens = false;
        });
        string token = Issue(app, "bob");

        (HttpStatusCode status, string body, _) = await GetMe(app, token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("bob bob@example.com admin=True", body);

        string otherKey = JweWriter.Write(Sealed(), SharedEncryption(seed: 99));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMe(app, otherKey)).Status);
    }

    [Fact]
    public async Task Without_RequireSignedTokens_a_public_key_scheme_does_not_start()
    {
        // A plain JWE encrypted to a public key proves nothing about its sender: the scheme refuses to be built that way.
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o =>
        {
            o.EncryptionKey = RsaEncryption();
            o.RequireSignedTokens = false;
        }));

        Assert.Contains("NestedJwtValidator", failure.Message);
    }

    [Fact]
    public async Task Decryption_keys_must_include_the_encryption_key()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o =>
        {
            o.SigningKey = SampleKey.Create("EC").Signing;
            o.EncryptionKey = RsaEncryption("current");
            o.DecryptionKeys = new JwtEncryptionKeySet(RsaEncryption("previous"));
        }));

        Assert.Contains("DecryptionKeys", failure.Message);
    }

    private static string DecodeOrEmpty(string segment)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(segment));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
