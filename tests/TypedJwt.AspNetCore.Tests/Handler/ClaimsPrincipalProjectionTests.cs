using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// The ClaimsPrincipal the handler signs a request in with: claim types exactly as in the token, roles and name from
/// <c>roles</c> and <c>sub</c>, so the claims-based APIs (RequireRole, [Authorize(Roles)], Identity.Name) work unchanged,
/// and the typed payload beside them for endpoints, middleware and typed policies.
/// </summary>
public sealed class ClaimsPrincipalProjectionTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(TestApp.Settings(SampleKey.Create("EC").Jwk), app =>
        {
            // Middleware sees the typed payload through HttpContext.
            app.Use(async (context, next) =>
            {
                if (context.TryGetJwtPayload(out AccessToken? token))
                {
                    context.Response.Headers["X-Subject"] = token.Subject;
                }

                await next(context);
            });
            app.MapGet("/claims", (ClaimsPrincipal user) => string.Join("\n",
                user.Claims.Select(c => $"{c.Type}={c.Value}|{c.ValueType}")
                    .Prepend($"name={user.Identity?.Name}|auth={user.Identity?.AuthenticationType}|admin={user.IsInRole("admin")}"))).RequireAuthorization();
            app.MapGet("/role-policy", () => "ok").RequireAuthorization("admins-by-role");
            app.MapGet("/role-attribute", [Authorize(Roles = "admin")] () => "ok");
            app.MapGet("/typed-policy", () => "ok").RequireAuthorization("admins-by-payload");
            app.MapGet("/typed-parameter", (ValidatedJwt<AccessToken> jwt) => jwt.Payload.Subject);
            app.MapGet("/open", (HttpContext context) => context.GetJwtPayload<AccessToken>()?.Subject ?? "anonymous");
        });
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Claim_types_are_the_JSON_names_with_no_inbound_renaming()
    {
        string token = TestApp.Issue(_app, "alice", "admin", "user");

        using HttpResponseMessage response = await _client.SendAsync(TestApp.Get("/claims", token));
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal("name=alice|auth=Bearer|admin=True", lines[0]);
        Assert.Contains("sub=alice|" + ClaimValueTypes.String, lines);
        Assert.Contains("roles=admin|" + ClaimValueTypes.String, lines);
        Assert.Contains("roles=user|" + ClaimValueTypes.String, lines);
        Assert.Contains("iss=" + TestApp.Issuer + "|" + ClaimValueTypes.String, lines);
        Assert.Contains(lines, l => l.StartsWith("exp=", StringComparison.Ordinal) && l.EndsWith("|" + ClaimValueTypes.Integer64, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("http://schemas", StringComparison.Ordinal));
        Assert.Equal("alice", response.Headers.GetValues("X-Subject").Single());
    }

    [Fact]
    public async Task Claims_the_payload_type_does_not_declare_are_validated_but_not_projected()
    {
        // The principal comes from the typed payload, not from a second read of the token: an undeclared claim (here one
        // nested to the deepest a policy may allow) is checked by the validator and then not there to find.
        SampleKey key = SampleKey.Create("EC");
        await using WebApplication app = await TestApp.StartAsync(
            TestApp.Settings(key.Jwk),
            a => a.MapGet("/claims", (ClaimsPrincipal user) => $"{user.FindFirst("deep")?.Value ?? "none"} {user.FindFirst("sub")?.Value}").RequireAuthorization(),
            options => options.ValidationPolicy = new JwtValidationPolicy
            {
                ValidIssuers = [TestApp.Issuer],
                ValidAudiences = [TestApp.Audience],
                MaxJsonDepth = JwtValidationPolicy.MaxJsonDepthLimit,
            });
        string deep = new string('[', 60) + new string(']', 60);
        string token = TokenForge.Sign(
            TokenForge.Header(key.Algorithm, key.KeyId), TokenForge.Payload(TestApp.Issuer, TestApp.Audience, extra: ",\"deep\":[" + deep + "]"), key.Signing);

        using HttpClient client = app.GetTestClient();
        using HttpResponseMessage response = await client.SendAsync(TestApp.Get("/claims", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("none alice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_policy_beyond_the_depth_ceiling_stops_start_up_naming_the_setting()
    {
        SampleKey key = SampleKey.Create("EC");
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApp.StartAsync(
            TestApp.Settings(key.Jwk),
            _ => { },
            options => options.ValidationPolicy = new JwtValidationPolicy
            {
                ValidIssuers = [TestApp.Issuer],
                ValidAudiences = [TestApp.Audience],
                MaxJsonDepth = JwtValidationPolicy.MaxJsonDepthLimit + 1,
            }));

        Assert.Contains("MaxJsonDepth", failure.Message);
    }

    [Theory]
    [InlineData("/role-policy")]
    [InlineData("/role-attribute")]
    [InlineData("/typed-policy")]
    public async Task Role_requirements_pass_for_admin_and_forbid_others(string path)
    {
        using HttpResponseMessage admin = await _client.SendAsync(TestApp.Get(path, TestApp.Issue(_app, "root", "admin")));
        using HttpResponseMessage user = await _client.SendAsync(TestApp.Get(path, TestApp.Issue(_app, "alice", "user")));
        using HttpResponseMessage anonymous = await _client.SendAsync(TestApp.Get(path, null));

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_typed_parameter_binds_the_payload_and_makes_the_endpoint_require_a_token()
    {
        using HttpResponseMessage signedIn = await _client.SendAsync(TestApp.Get("/typed-parameter", TestApp.Issue(_app, "alice", "user")));
        using HttpResponseMessage anonymous = await _client.SendAsync(TestApp.Get("/typed-parameter", null));

        Assert.Equal("alice", await signedIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Bearer error=\"invalid_token\"", anonymous.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task Another_authentication_scheme_is_left_alone_and_a_refused_token_leaves_the_user_anonymous()
    {
        var basic = new HttpRequestMessage(HttpMethod.Get, "/open");
        basic.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YWxpY2U6cGFzcw==");
        using HttpResponseMessage withBasic = await _client.SendAsync(basic);
        using HttpResponseMessage withForgery = await _client.SendAsync(TestApp.Get("/open", "a.b.c"));

        Assert.Equal("anonymous", await withBasic.Content.ReadAsStringAsync());
        Assert.Equal("anonymous", await withForgery.Content.ReadAsStringAsync());
    }
}
