using System.Net;
using System.Text;
using System.Text.Json;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Contract;

/// <summary>
/// The sample API's HTTP contract (shared/design.md), run against every transport and key type: the concrete classes at
/// the end of this file pick the server.
/// </summary>
public abstract class SampleContractTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : SampleServer
{
    protected TServer Server { get; } = server;

    [Fact]
    public async Task Login_answers_an_OAuth_token_response_with_an_at_jwt_signed_by_the_configured_key()
    {
        using HttpResponseMessage response = await Server.Login("alice", "alice-pass");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(900, body.RootElement.GetProperty("expires_in").GetInt64());
        string token = body.RootElement.GetProperty("access_token").GetString()!;
        using JsonDocument header = JsonDocument.Parse(Decode(token.Split('.')[0]));
        Assert.Equal("at+jwt", header.RootElement.GetProperty("typ").GetString());
        Assert.Equal(Server.Key.Algorithm, header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(Server.Key.KeyId, header.RootElement.GetProperty("kid").GetString());

        var validator = new JwtValidator<AccessToken>(Server.Key.Signing, JwtValidationPolicy.For(Server.Issuer, Server.Audience));
        Assert.True(validator.TryValidate(token, out AccessToken? claims, out JwtError error), error.Message);
        Assert.Equal("alice", claims.Subject);
        Assert.Equal(["user"], claims.Roles.ToArray());
        Assert.Equal(TimeSpan.FromMinutes(15), claims.ExpiresAt - claims.IssuedAt);
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("alice", "")]
    [InlineData("nobody", "alice-pass")]
    [InlineData("ALICE", "alice-pass")]
    public async Task Login_with_wrong_credentials_is_401(string username, string password)
    {
        using HttpResponseMessage response = await Server.Login(username, password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("access_token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Me_answers_the_typed_claims_including_sub_and_roles()
    {
        string token = await Server.TokenFor("admin", "admin-pass");

        using HttpResponseMessage response = await Server.Get("/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement me = body.RootElement;
        Assert.Equal("admin", me.GetProperty("sub").GetString());
        Assert.Equal(["admin", "user"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Server.Issuer, me.GetProperty("iss").GetString());
        Assert.Equal(Server.Audience, me.GetProperty("aud").GetString());
        Assert.Equal(JsonValueKind.Number, me.GetProperty("exp").ValueKind);
        Assert.Equal(JsonValueKind.Number, me.GetProperty("iat").ValueKind);
        Assert.False(string.IsNullOrEmpty(me.GetProperty("jti").GetString()));
    }

    [Fact]
    public async Task Admin_is_200_for_the_admin_role_and_403_for_a_valid_token_without_it()
    {
        using HttpResponseMessage asAdmin = await Server.Get("/admin", await Server.TokenFor("admin", "admin-pass"));
        using HttpResponseMessage asAlice = await Server.Get("/admin", await Server.TokenFor("alice", "alice-pass"));

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAlice.StatusCode);
    }

    [Fact]
    public async Task Admin_without_a_token_is_401_not_403()
    {
        using HttpResponseMessage response = await Server.Get("/admin", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The request has no bearer token.\"", Challenge(response));
    }

    [Fact]
    public async Task Jwks_publishes_the_public_key_with_its_kid_or_nothing_for_a_shared_secret()
    {
        using HttpResponseMessage response = await Server.Get("/.well-known/jwks.json", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument jwks = JsonDocument.Parse(text);
        JsonElement[] keys = [.. jwks.RootElement.GetProperty("keys").EnumerateArray()];
        foreach (string secret in Server.Key.SecretMembers)
        {
            Assert.DoesNotContain(secret, text);
        }

        if (!Server.Key.IsAsymmetric)
        {
            Assert.Empty(keys);
            return;
        }

        JsonElement key = Assert.Single(keys);
        Assert.Equal(Server.Key.KeyId, key.GetProperty("kid").GetString());
        Assert.Equal(Server.Key.Algorithm, key.GetProperty("alg").GetString());
        Assert.Equal(Server.Key.Kind, key.GetProperty("kty").GetString());
        foreach (string member in new[] { "d", "p", "q", "dp", "dq", "qi", "k" })
        {
            Assert.False(key.TryGetProperty(member, out _), $"the JWKS publishes the private member '{member}'");
        }

        // What the JWKS publishes verifies what the API issues.
        JwtKeySet published = JwtKeySet.FromJwks(text);
        var validator = new JwtValidator<AccessToken>(published, JwtValidationPolicy.For(Server.Issuer, Server.Audience));
        Assert.True(validator.TryValidate(await Server.TokenFor("alice", "alice-pass"), out _, out JwtError error), error.Message);
    }

    [Fact]
    public async Task The_OpenAPI_document_requires_the_bearer_scheme_on_exactly_the_operations_that_need_a_token()
    {
        using HttpResponseMessage response = await Server.Get("/openapi/v1.json", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        JsonElement scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());

        JsonElement paths = document.RootElement.GetProperty("paths");
        foreach ((string path, string method) in new[] { ("/me", "get"), ("/admin", "get") })
        {
            JsonElement operation = paths.GetProperty(path).GetProperty(method);
            JsonElement requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
            Assert.Equal(0, requirement.GetProperty("Bearer").GetArrayLength());
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), path);
            Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _), path);
        }

        foreach ((string path, string method) in new[] { ("/token", "post"), ("/", "get") })
        {
            JsonElement operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(operation.TryGetProperty("security", out _), path);
            Assert.False(operation.GetProperty("responses").TryGetProperty("403", out _), path);
        }
    }

    public static TheoryData<string> RefusedTokens => new(RefusedToken.Cases);

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_refused_token_is_401_with_an_RFC_6750_challenge_naming_the_failed_check(string name)
    {
        string validToken = await Server.TokenFor("alice", "alice-pass");
        RefusedToken refused = RefusedToken.Make(name, Server, validToken);

        using HttpResponseMessage me = await Server.Get("/me", refused.Token);
        using HttpResponseMessage admin = await Server.Get("/admin", refused.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        string challenge = Challenge(me);
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{refused.Description}\"", challenge);
        Assert.Equal(challenge, Challenge(admin));
        foreach (string secret in Server.Key.SecretMembers)
        {
            Assert.DoesNotContain(secret, challenge);
        }

        foreach (string value in RefusedToken.ForgedValues)
        {
            Assert.DoesNotContain(value, challenge);
        }
    }

    [Fact]
    public async Task A_token_Microsoft_IdentityModel_issues_with_the_same_key_and_claims_is_accepted()
    {
        string token = IdentityModelIssuer.Issue(Server, subject: "admin", roles: ["admin", "user"]);

        using HttpResponseMessage me = await Server.Get("/me", token);
        using HttpResponseMessage admin = await Server.Get("/admin", token);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("admin", body.RootElement.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Microsoft_IdentityModel_accepts_the_tokens_the_API_issues()
    {
        string token = await Server.TokenFor("alice", "alice-pass");
        Assert.True(await IdentityModelIssuer.Validates(Server, token));
    }

    internal static string Challenge(HttpResponseMessage response) =>
        string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));

    private static string Decode(string segment) => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(segment));
}

public sealed class KestrelOctContractTests(KestrelOctSample server) : SampleContractTests<KestrelOctSample>(server);

public sealed class KestrelRsaContractTests(KestrelRsaSample server) : SampleContractTests<KestrelRsaSample>(server);

public sealed class KestrelEcContractTests(KestrelEcSample server) : SampleContractTests<KestrelEcSample>(server);

public sealed class InProcessOctContractTests(InProcessOctSample server) : SampleContractTests<InProcessOctSample>(server);

public sealed class InProcessRsaContractTests(InProcessRsaSample server) : SampleContractTests<InProcessRsaSample>(server);

public sealed class InProcessEcContractTests(InProcessEcSample server) : SampleContractTests<InProcessEcSample>(server);
