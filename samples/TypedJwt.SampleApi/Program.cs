using System;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedJwt;
using TypedJwt.AspNetCore;
using TypedJwt.SampleApi;

// The sample API: POST /token, GET /me, GET /admin, POST /logout, GET /.well-known/jwks.json, GET /openapi/v1.json and
// the page at GET /; a one-time token (POST /one-time-token, accepted once by POST /redeem); the SignalR hub /hubs/whoami.
// Configuration: Jwt:SigningKey (a private JWK, JSON text), Jwt:Issuer, Jwt:Audience, DemoUsers (see DemoUsers.cs),
// ConnectionStrings:Redis (see SampleRevocation.cs), Jwt:Dpop:RequireNonce (server nonces for DPoP proofs),
// Jwt:Dpop:PublicOrigin (the scheme, host and port DPoP proofs name in htu, behind a proxy). Provider mode (see
// SampleProviderMode.cs): Jwt:Authority or Jwt:JwksUri, with Jwt:RequireHttpsMetadata, Jwt:RefreshInterval,
// Jwt:AutomaticRefreshInterval.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

// Request and response bodies use source-generated JSON metadata: no reflection, NativeAOT-clean.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));

// Read when first needed, so configuration added after this line (a test host's, for example) is seen.
builder.Services.AddSingleton(services => DemoUsers.FromConfiguration(services.GetRequiredService<IConfiguration>()));
// Revocations (POST /logout) and used one-time tokens: in the Redis of ConnectionStrings:Redis, shared by every instance
// configured with it, or in memory without it. Read when first needed, like the users.
builder.Services.AddSingleton(services => SampleRevocation.CreateStore(services.GetRequiredService<IConfiguration>(), services.GetService<TimeProvider>()));
builder.Services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme)
    .AddTypedJwtBearer<AccessToken>(builder.Configuration.GetSection(SampleDefaults.ConfigurationSection), options =>
    {
        // In provider mode the issuer is the provider's: Jwt:Issuer, or else the authority.
        options.Issuer ??= SampleProviderMode.IsOn(options) ? null : SampleDefaults.Issuer;
        options.Audience ??= SampleDefaults.Audience;

        // The sample must start with no configuration, so it opts in to a key that lives only as long as the process.
        options.AllowEphemeralKey = true;

        // SignalR's browser client sends the token in the query string of its WebSocket and Server-Sent Events requests.
        options.TokenFromQuery("access_token", "/hubs");
    })
    .AddRevocation()
    // In Development, tokens from `dotnet user-jwts create --role admin` work too (README: "Tokens from dotnet user-jwts").
    .AddUserJwts(token => new AccessToken
    {
        Issuer = token.Issuer,
        Audience = token.Audience,
        Subject = token.Subject,
        ExpiresAt = token.ExpiresAt,
        IssuedAt = token.IssuedAt ?? token.ExpiresAt,
        TokenId = token.TokenId ?? "",
        Roles = [.. token.Roles ?? default],
    })
    // DPoP (RFC 9449): POST /token binds tokens to a client's key when the request carries a proof; /me and /admin then
    // need Authorization: DPoP plus a proof. Proof jti are spent in the same store as revocations (Redis when configured).
    // Jwt:Dpop:PublicOrigin: the origin clients use (https://api.example.com) when a proxy or balancer fronts the instances.
    .AddDpop(options =>
    {
        IConfigurationSection dpop = builder.Configuration.GetSection(SampleDefaults.ConfigurationSection + ":Dpop");
        options.RequireNonce = dpop.GetValue<bool>("RequireNonce");
        options.PublicOrigin = dpop["PublicOrigin"] is { Length: > 0 } origin ? new Uri(origin, UriKind.Absolute) : null;
    })
    .AddTypedJwtBearer<OneTimeToken>(SampleRevocation.OneTimeScheme, builder.Configuration.GetSection(SampleDefaults.ConfigurationSection), options =>
    {
        SampleProviderMode.KeepSelfIssued(options);
        options.Issuer ??= SampleDefaults.Issuer;
        options.Audience ??= SampleDefaults.Audience;
        options.AllowEphemeralKey = true;
        options.TokenLifetime = SampleRevocation.OneTimeTokenLifetime;
    })
    .AddRevocation(options => options.OneTimeUse = true);
// The OpenAPI document at /openapi/v1.json, with the bearer scheme required on exactly the operations that need a token.
builder.Services.AddOpenApi(options => options.AddTypedJwtBearer());
// SignalR (the hub at /hubs/whoami) with the same source-generated metadata for its messages.
builder.Services.AddSignalR().AddJsonProtocol(options => options.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy(SampleEndpoints.AdminPolicy, policy => policy.RequireJwtPayload<AccessToken>(token => token.Roles.Contains("admin")));
    options.AddPolicy(SampleEndpoints.OneTimePolicy, policy => policy.AddAuthenticationSchemes(SampleRevocation.OneTimeScheme).RequireJwtPayload<OneTimeToken>());
});

WebApplication app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
// Read from the built application's configuration, which includes what a test host adds.
app.MapSampleApi(providerMode: SampleProviderMode.IsOn(app.Configuration));
app.MapOpenApi();
app.MapHub<WhoAmIHub>(WhoAmIHub.Path);
StartupBanner.PrintWhenStarted(app);
app.Run();
