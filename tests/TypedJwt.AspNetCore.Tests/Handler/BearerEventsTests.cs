using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>
/// TypedJwtBearerEvents, JwtBearerEvents' counterpart with the typed payload, over real HTTP (Kestrel on loopback): a token
/// taken from elsewhere, a post-validation veto and extra claims, the refusal's JwtError, and custom 401 and 403 answers.
/// </summary>
public sealed class BearerEventsTests
{
    private static Task<WebApplication> StartAsync(TypedJwtBearerEvents<AccessToken> events, Action<IServiceCollection>? services = null, Action<TypedJwtBearerOptions>? configure = null) =>
        TestApp.StartAsync(TestApp.Settings(SampleKey.Create("EC").Jwk), app =>
        {
            app.MapGet("/me", (ClaimsPrincipal user) => $"{user.Identity?.Name}|{user.FindFirstValue("tenant")}").RequireAuthorization();
            app.MapGet("/admin", () => "ok").RequireAuthorization("admins-by-payload");
        }, o =>
        {
            o.Events = events;
            configure?.Invoke(o);
        }, services: services, kestrel: true);

    [Fact]
    public async Task MessageReceived_can_take_the_token_from_another_header()
    {
        var events = new TypedJwtBearerEvents<AccessToken>
        {
            OnMessageReceived = c =>
            {
                c.Token = c.Request.Headers["X-Access-Token"];
                return Task.CompletedTask;
            },
        };
        await using WebApplication app = await StartAsync(events);
        using HttpClient client = TestApp.Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("X-Access-Token", TestApp.Issue(app, "alice"));

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice|", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MessageReceived_without_a_token_leaves_the_Authorization_header_in_charge()
    {
        await using WebApplication app = await StartAsync(new TypedJwtBearerEvents<AccessToken>());
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage valid = await client.SendAsync(TestApp.Get("/me", TestApp.Issue(app, "alice")));
        using HttpResponseMessage tampered = await client.SendAsync(TestApp.Get("/me", TestApp.Issue(app, "alice") + "x"));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    [Fact]
    public async Task TokenValidated_sees_the_typed_payload_and_its_Fail_refuses_with_the_reason_given()
    {
        var seen = new List<string>();
        var events = new TypedJwtBearerEvents<AccessToken>
        {
            OnTokenValidated = c =>
            {
                seen.Add(c.Payload.Subject);
                if (c.Payload.Subject == "mallory")
                {
                    c.Fail("This account is suspended.");
                }

                return Task.CompletedTask;
            },
        };
        await using WebApplication app = await StartAsync(events);
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage refused = await client.SendAsync(TestApp.Get("/me", TestApp.Issue(app, "mallory")));
        using HttpResponseMessage accepted = await client.SendAsync(TestApp.Get("/me", TestApp.Issue(app, "alice")));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"This account is suspended.\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(["mallory", "alice"], seen);
    }

    [Fact]
    public async Task TokenValidated_can_add_claims_the_endpoint_then_sees()
    {
        var events = new TypedJwtBearerEvents<AccessToken>
        {
            OnTokenValidated = c =>
            {
                ((ClaimsIdentity)c.Principal!.Identity!).AddClaim(new Claim("tenant", c.Payload.Subject + "-tenant"));
                return Task.CompletedTask;
            },
        };
        await using WebApplication app = await StartAsync(events);
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage response = await client.SendAsync(TestApp.Get("/me", TestApp.Issue(app, "alice")));

        Assert.Equal("alice|alice-tenant", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AuthenticationFailed_receives_the_JwtError_that_refused_the_token()
    {
        var errors = new List<JwtErrorCode>();
        var events = new TypedJwtBearerEvents<AccessToken>
        {
            OnAuthenticationFailed = c =>
            {
                errors.Add(c.Error.Code);
                return Task.CompletedTask;
            },
        };
        await using WebApplication app = await StartAsync(events);
        using HttpClient client = TestApp.Client(app);
        string token = TestApp.Issue(app, "alice");

        using HttpResponseMessage tampered = await client.SendAsync(TestApp.Get("/me", token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA")));
        using HttpResponseMessage garbage = await client.SendAsync(TestApp.Get("/me", "not-a-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal([JwtErrorCode.InvalidSignature, JwtErrorCode.MalformedToken], errors);
    }

    [Fact]
    public async Task Challenge_can_change_the_parameters_or_write_its_own_answer()
    {
        var events = new TypedJwtBearerEvents<AccessToken>
        {
            OnChallenge = async c =>
            {
                if (c.Request.Path == "/me")
                {
                    c.ErrorUri = "https://docs.example/errors/token";
                    return;
                }

                c.Response.StatusCode = 401;
                await c.Response.WriteAsync($"{{\"error\":\"{c.JwtError?.Code.ToString() ?? "none"}\"}}");
                c.HandleResponse();
            },
        };
        await using WebApplication app = await StartAsync(events);
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage changed = await client.SendAsync(TestApp.Get("/me", token: null));
        using HttpResponseMessage written = await client.SendAsync(TestApp.Get("/admin", "not-a-token"));

        Assert.Equal(
            "Bearer error=\"invalid_token\", error_description=\"The request has no bearer token.\", error_uri=\"https://docs.example/errors/token\"",
            changed.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, written.StatusCode);
        Assert.Empty(written.Headers.WwwAuthenticate);
        Assert.Equal("{\"error\":\"MalformedToken\"}", await written.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forbidden_can_write_its_own_answer()
    {
        var events = new TypedJwtBearerEvents<AccessToken>
        {
            OnForbidden = async c =>
            {
                c.Response.StatusCode = 403;
                await c.Response.WriteAsync("admins only");
                c.HandleResponse();
            },
        };
        await using WebApplication app = await StartAsync(events);
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage response = await client.SendAsync(TestApp.Get("/admin", TestApp.Issue(app, "alice", "user")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("admins only", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EventsType_is_resolved_from_dependency_injection()
    {
        await using WebApplication app = await StartAsync(
            events: null!,
            services: s => s.AddSingleton<SuspendedSubjects>().AddScoped<SuspensionEvents>(),
            configure: o =>
            {
                o.Events = null;
                o.EventsType = typeof(SuspensionEvents);
            });
        app.Services.GetRequiredService<SuspendedSubjects>().Subjects.Add("bob");
        using HttpClient client = TestApp.Client(app);

        using HttpResponseMessage bob = await client.SendAsync(TestApp.Get("/me", TestApp.Issue(app, "bob")));
        using HttpResponseMessage alice = await client.SendAsync(TestApp.Get("/me", TestApp.Issue(app, "alice")));

        Assert.Equal(HttpStatusCode.Unauthorized, bob.StatusCode);
        Assert.Contains("bob is suspended", bob.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Events_of_another_type_stop_start_up_with_a_message_naming_them(bool asType)
    {
        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(
            TestApp.Settings(SampleKey.Create("EC").Jwk),
            configure: o =>
            {
                if (asType)
                {
                    o.EventsType = typeof(TypedJwtBearerEvents<OneTimeToken>);
                }
                else
                {
                    o.Events = new TypedJwtBearerEvents<OneTimeToken>();
                }
            }));

        OptionsValidationException validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(asType ? "EventsType is TypedJwtBearerEvents`1" : "Events is a TypedJwtBearerEvents`1", validation.Message, StringComparison.Ordinal);
        Assert.Contains("TypedJwtBearerEvents<AccessToken>", validation.Message, StringComparison.Ordinal);
    }

    private sealed class SuspendedSubjects
    {
        public HashSet<string> Subjects { get; } = [];
    }

    private sealed class SuspensionEvents(SuspendedSubjects suspended) : TypedJwtBearerEvents<AccessToken>
    {
        public override Task TokenValidated(TokenValidatedContext<AccessToken> context)
        {
            if (suspended.Subjects.Contains(context.Payload.Subject))
            {
                context.Fail($"{context.Payload.Subject} is suspended.");
            }

            return Task.CompletedTask;
        }
    }
}
