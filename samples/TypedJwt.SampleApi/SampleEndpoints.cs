using System.Reflection;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TypedJwt.AspNetCore;

namespace TypedJwt.SampleApi;

/// <summary>The sample API's endpoints, as the design's HTTP contract fixes them.</summary>
internal static class SampleEndpoints
{
    public const string AdminPolicy = "admin";
    public const string OneTimePolicy = "one-time";

    /// <param name="app">The application.</param>
    /// <param name="providerMode">Tokens come from an identity provider: no login and no JWKS here (both answer 404).</param>
    public static void MapSampleApi(this IEndpointRouteBuilder app, bool providerMode = false)
    {
        app.MapGet("/", () => Results.Text(Page.Value, "text/html; charset=utf-8"));
        if (!providerMode)
        {
            MapIssuing(app);
        }

        MapProtected(app);
    }

    private static void MapIssuing(IEndpointRouteBuilder app)
    {
        app.MapJwks();

        // Login: the typed issuer fills iss, aud, iat, exp and jti; the endpoint adds who the user is. With a valid DPoP
        // proof header (RFC 9449 §5) the token is bound to the proof's key (cnf.jkt) and its token_type is DPoP; a
        // refused proof is 400 invalid_dpop_proof (or use_dpop_nonce with a DPoP-Nonce header, Jwt:Dpop:RequireNonce).
        app.MapPost("/token", async (LoginRequest login, DemoUsers users, JwtIssuer<AccessToken> issuer, HttpContext context) =>
        {
            if (users.Authenticate(login.Username, login.Password) is not { } user)
            {
                return Results.Json(new LoginError("invalid_grant", "Wrong user name or password."), SampleJsonContext.Default.LoginError, statusCode: StatusCodes.Status401Unauthorized);
            }

            DpopProofResult dpop = await issuer.CheckDpopProofAsync(context);
            if (dpop.IsPresent && !dpop.IsValid)
            {
                return dpop.ToErrorResponse();
            }

            IssuedJwt issued = dpop.IsValid ? issuer.Issue(dpop.Proof, user, CreateAccessToken) : issuer.Issue(user, CreateAccessToken);
            return issued.ToTokenResponse();
        });
    }

    private static void MapProtected(IEndpointRouteBuilder app)
    {

        // The typed claims, bound from the validated token; declaring the parameter requires a valid access token.
        app.MapGet("/me", (ValidatedJwt<AccessToken> jwt) => new ClaimsJsonResult<AccessToken>(jwt.Payload));

        // A typed policy (see Program.cs): 403 for a valid token whose roles lack "admin".
        app.MapGet("/admin", (ValidatedJwt<AccessToken> jwt, HttpContext context) => Results.Json(
            new AdminGreeting($"Welcome, {context.User.Identity?.Name}: your token carries the admin role.", jwt.Payload.Subject, jwt.Payload.Roles),
            SampleJsonContext.Default.AdminGreeting)).RequireAuthorization(AdminPolicy);

        // Revokes the request's token in the shared store: from now on every instance refuses it (401, "revoked").
        app.MapPost("/logout", async (ValidatedJwt<AccessToken> jwt, [FromKeyedServices(TypedJwtBearerDefaults.AuthenticationScheme)] IJwtRevoker revoker, CancellationToken cancellationToken) =>
        {
            try
            {
                await revoker.RevokeAsync(jwt.Payload, cancellationToken);
                return Results.NoContent();
            }
            catch (JwtRevocationUnavailableException)
            {
                // Not recorded: say so, so the client does not believe it signed out.
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        });

        // A token for one use, for the signed-in user: the OneTime scheme accepts it once, on whichever instance first.
        app.MapPost("/one-time-token", (ValidatedJwt<AccessToken> jwt, JwtIssuer<OneTimeToken> issuer) =>
            issuer.Issue(jwt.Payload.Subject, static (t, subject) => new OneTimeToken
            {
                Issuer = t.Issuer,
                Audience = t.Audience,
                Subject = subject,
                IssuedAt = t.IssuedAt,
                ExpiresAt = t.ExpiresAt,
                TokenId = t.TokenId,
            }).ToTokenResponse());

        app.MapPost("/redeem", (ValidatedJwt<OneTimeToken> jwt) => new ClaimsJsonResult<OneTimeToken>(jwt.Payload))
            .RequireAuthorization(OneTimePolicy);
    }

    private static AccessToken CreateAccessToken(JwtIssueContext t, DemoUser user) => new()
    {
        Issuer = t.Issuer,
        Audience = t.Audience,
        Subject = user.Name,
        IssuedAt = t.IssuedAt,
        ExpiresAt = t.ExpiresAt,
        TokenId = t.TokenId,
        Roles = user.Roles,
        Confirmation = t.Confirmation,
    };

    private static readonly System.Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TypedJwt.SampleApi.index.html")!;
        using var reader = new System.IO.StreamReader(stream);
        return reader.ReadToEnd();
    });
}
