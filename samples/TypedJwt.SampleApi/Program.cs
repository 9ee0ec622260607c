using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedJwt.AspNetCore;
using TypedJwt.SampleApi;

// The sample API: POST /token, GET /me, GET /admin, GET /.well-known/jwks.json, GET /openapi/v1.json and the page at GET /.
// Configuration: Jwt:SigningKey (a private JWK, JSON text), Jwt:Issuer, Jwt:Audience, DemoUsers (see DemoUsers.cs).
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

// Request and response bodies use source-generated JSON metadata: no reflection, NativeAOT-clean.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));

// Read when first needed, so configuration added after this line (a test host's, for example) is seen.
builder.Services.AddSingleton(services => DemoUsers.FromConfiguration(services.GetRequiredService<IConfiguration>()));
builder.Services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme)
    .AddTypedJwtBearer<AccessToken>(builder.Configuration.GetSection(SampleDefaults.ConfigurationSection), options =>
    {
        options.Issuer ??= SampleDefaults.Issuer;
        options.Audience ??= SampleDefaults.Audience;

        // The sample must start with no configuration, so it opts in to a key that lives only as long as the process.
        options.AllowEphemeralKey = true;
    });
// The OpenAPI document at /openapi/v1.json, with the bearer scheme required on exactly the operations that need a token.
builder.Services.AddOpenApi(options => options.AddTypedJwtBearer());
builder.Services.AddAuthorization(options => options.AddPolicy(SampleEndpoints.AdminPolicy, policy =>
    policy.RequireJwtPayload<AccessToken>(token => token.Roles.Contains("admin"))));

WebApplication app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapSampleApi();
app.MapOpenApi();
StartupBanner.PrintWhenStarted(app);
app.Run();
