using System.Net;
using System.Text.Json;
using TypedJwt.AspNetCore.Tests.Contract;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.UserJwts;

/// <summary>The sample as its own process, with the settings a real <c>dotnet user-jwts create</c> wrote, in an environment.</summary>
public sealed class UserJwtsSample(string environment, Dictionary<string, string?> userJwts) : KestrelSample("EC")
{
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            Dictionary<string, string?> settings = base.Settings;
            settings["ASPNETCORE_ENVIRONMENT"] = environment;
            foreach ((string key, string? value) in userJwts)
            {
                settings[key] = value;
            }

            return settings;
        }
    }
}

/// <summary>
/// <c>AddUserJwts</c>: a token made by the real <c>dotnet user-jwts create --role admin</c> (HS256, no kid, typ JWT, roles
/// in <c>role</c>) calls the sample's <c>/me</c> and <c>/admin</c> in Development, and is refused in Production.
/// </summary>
public sealed class UserJwtsSampleTests
{
    [Fact]
    public async Task A_user_jwts_token_works_in_Development_with_its_role_mapped_and_is_refused_elsewhere()
    {
        (string adminToken, Dictionary<string, string?> configuration) = await UserJwtsTool.CreateAsync("contract-tests", "admin");
        string[] header = [.. JsonDocument.Parse(Base64(adminToken.Split('.')[0])).RootElement.EnumerateObject().Select(p => p.Name + "=" + p.Value)];
        Assert.Equal(["alg=HS256", "typ=JWT"], header.Order());

        using HttpResponseMessage me = await WithSampleAsync("Development", configuration, s => s.Get("/me", adminToken));
        using HttpResponseMessage admin = await WithSampleAsync("Development", configuration, s => s.Get("/admin", adminToken));
        using HttpResponseMessage refused = await WithSampleAsync("Production", configuration, s => s.Get("/me", adminToken));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using JsonDocument claims = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("dev-user", claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal("dotnet-user-jwts", claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(["admin"], claims.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task In_Development_the_sample_still_issues_and_accepts_its_own_tokens_and_refuses_a_tampered_user_jwts_token()
    {
        (string token, Dictionary<string, string?> configuration) = await UserJwtsTool.CreateAsync("contract-tests", "user");
        var development = new UserJwtsSample("Development", configuration);
        await development.InitializeAsync();
        try
        {
            string own = await development.TokenFor("alice", "alice-pass");

            using HttpResponseMessage ownMe = await development.Get("/me", own);
            using HttpResponseMessage userAdmin = await development.Get("/admin", token);
            using HttpResponseMessage tampered = await development.Get("/me", token[..^3] + (token[^3] == 'A' ? "BBB" : "AAA"));

            Assert.Equal(HttpStatusCode.OK, ownMe.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, userAdmin.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        }
        finally
        {
            await development.DisposeAsync();
        }
    }

    private static async Task<HttpResponseMessage> WithSampleAsync(string environment, Dictionary<string, string?> configuration, Func<UserJwtsSample, Task<HttpResponseMessage>> call)
    {
        var sample = new UserJwtsSample(environment, configuration);
        await sample.InitializeAsync();
        try
        {
            HttpResponseMessage response = await call(sample);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }

    private static string Base64(string segment) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(segment.Replace('-', '+').Replace('_', '/').PadRight((segment.Length + 3) / 4 * 4, '=')));
}
