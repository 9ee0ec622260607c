using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// MapInboundClaims, the opt-in for code written against ASP.NET Core Identity's claim types: <c>sub</c> is found as
/// <see cref="ClaimTypes.NameIdentifier"/>, roles as <see cref="ClaimTypes.Role"/>, and the name and role claim types
/// follow, so <c>Identity.Name</c> and <c>IsInRole</c> keep working; off, the JSON names stay (both tested).
/// </summary>
public sealed class MapInboundClaimsTests
{
    private static async Task<WebApplication> StartAsync(Action<TypedJwtBearerOptions>? configure) =>
        await TestApp.StartAsync(TestApp.Settings(SampleKey.Create("EC").Jwk), app =>
        {
            app.MapGet("/claims", (ClaimsPrincipal user) => string.Join("\n",
                user.Claims.Select(c => $"{c.Type}={c.Value}")
                    .Prepend($"name={user.Identity?.Name}|id={user.FindFirstValue(ClaimTypes.NameIdentifier)}|admin={user.IsInRole("admin")}"))).RequireAuthorization();
            app.MapGet("/role-attribute", [Authorize(Roles = "admin")] () => "ok");
        }, configure);

    [Fact]
    public async Task On_sub_and_roles_become_Identity_claim_types_and_name_and_roles_still_work()
    {
        await using WebApplication app = await StartAsync(o => o.MapInboundClaims = true);
        using HttpClient client = app.GetTestClient();

        string[] lines = await ClaimsAsync(client, TestApp.Issue(app, "alice", "admin"));
        using HttpResponseMessage admin = await client.SendAsync(TestApp.Get("/role-attribute", TestApp.Issue(app, "root", "admin")));
        using HttpResponseMessage user = await client.SendAsync(TestApp.Get("/role-attribute", TestApp.Issue(app, "bob", "user")));

        Assert.Equal("name=alice|id=alice|admin=True", lines[0]);
        Assert.Contains(ClaimTypes.NameIdentifier + "=alice", lines);
        Assert.Contains(ClaimTypes.Role + "=admin", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("sub=", StringComparison.Ordinal) || l.StartsWith("roles=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("iss=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
    }

    [Fact]
    public async Task Off_by_default_the_JSON_names_stay()
    {
        await using WebApplication app = await StartAsync(configure: null);
        using HttpClient client = app.GetTestClient();

        string[] lines = await ClaimsAsync(client, TestApp.Issue(app, "alice", "admin"));

        Assert.Equal("name=alice|id=|admin=True", lines[0]);
        Assert.Contains("sub=alice", lines);
        Assert.Contains("roles=admin", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("http://schemas", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_custom_map_and_a_custom_name_claim_type_are_applied_together()
    {
        await using WebApplication app = await StartAsync(o =>
        {
            o.MapInboundClaims = true;
            o.InboundClaimTypeMap = new Dictionary<string, string> { ["jti"] = "token-id" };
            o.NameClaimType = "jti";
        });
        using HttpClient client = app.GetTestClient();
        string token = TestApp.Issue(app, "alice", "admin");

        string[] lines = await ClaimsAsync(client, token);

        string tokenId = Assert.Single(lines, l => l.StartsWith("token-id=", StringComparison.Ordinal))["token-id=".Length..];
        Assert.StartsWith("name=" + tokenId + "|", lines[0]);
        Assert.Contains("sub=alice", lines);
    }

    [Fact]
    public async Task On_without_a_map_stops_start_up_naming_the_setting()
    {
        OptionsValidationException refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o =>
        {
            o.MapInboundClaims = true;
            o.InboundClaimTypeMap = null!;
        }));

        Assert.Contains("InboundClaimTypeMap", refused.Message);
    }

    private static async Task<string[]> ClaimsAsync(HttpClient client, string token)
    {
        using HttpResponseMessage response = await client.SendAsync(TestApp.Get("/claims", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Split('\n');
    }
}
