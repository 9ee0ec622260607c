namespace TypedJwt.Package.Tests;

/// <summary>
/// `dotnet add package TypedJwt`, tested as users meet it: fresh projects from the SDK's templates, outside the repository,
/// referencing only the packed package, built with warnings as errors (so generated code must be warning-free).
/// </summary>
public partial class ConsumerTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private const string Claims = """
        using System.Collections.Immutable;
        using TypedJwt;

        namespace Consumer;

        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record AccessToken
        {
            [JwtClaim("iss")] public required string Issuer { get; init; }
            [JwtClaim("sub")] public required string Subject { get; init; }
            [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
            [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
            public ImmutableArray<string> Roles { get; init; }
            public string? TenantId { get; init; }
        }
        """;

    private const string Program = """
        using System.Security.Cryptography;
        using Consumer;
        using TypedJwt;

        var key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, RandomNumberGenerator.GetBytes(32), "k1");
        string token = JwsWriter.Write(new AccessToken
        {
            Issuer = "https://issuer",
            Subject = "alice",
            Audience = "api",
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
            Roles = ["admin"],
        }, key);
        var validator = new JwtValidator<AccessToken>(key, JwtValidationPolicy.For("https://issuer", "api"));
        Console.WriteLine(validator.TryValidate(token, out AccessToken? claims, out JwtError error)
            ? $"VALID {claims.Subject} {string.Join(",", claims.Roles)}"
            : $"INVALID {error.Code}");
        """;

    [Fact]
    public void Console_project_builds_warning_free_and_runs()
    {
        string directory = package.CreateConsumer("console", "ConsoleConsumer", "net10.0");
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);

        DotNetCli.Succeed(directory, "build", "-c", "Release");
        string output = DotNetCli.Succeed(directory, "run", "-c", "Release", "--no-build");

        Assert.Contains("VALID alice admin", output);
    }

    [Fact]
    public void Analyzer_reports_a_password_in_a_signed_payload_in_the_build_output()
    {
        string directory = package.CreateConsumer("console", "LeakyConsumer", "net10.0");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using TypedJwt;

            System.Console.WriteLine("unreachable: the build must fail");

            [JwtPayload]
            public sealed partial record LoginToken
            {
                [JwtClaim("sub")] public required string Subject { get; init; }
                public string? Password { get; init; }
            }
            """);

        (int exitCode, string output) = DotNetCli.Run(directory, "build", "-c", "Release");

        // Warnings are errors in this project, so the deliberate TJ0001 fails the build, naming the member.
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error TJ0001", output);
        Assert.Contains("Claim 'password'", output);
    }

    [Fact]
    public void TypedJwtNamingPolicy_in_the_project_file_renames_the_claims_on_the_wire()
    {
        string directory = package.CreateConsumer("console", "CamelConsumer", "net10.0", properties: NamingPolicy("CamelCase"));
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System.Buffers.Text;
            using System.Security.Cryptography;
            using System.Text;
            using Consumer;
            using TypedJwt;

            var key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, RandomNumberGenerator.GetBytes(32), "k1");
            string token = JwsWriter.Write(new AccessToken
            {
                Issuer = "https://issuer",
                Subject = "alice",
                Audience = "api",
                ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
                TenantId = "t-1",
            }, key);
            Console.WriteLine("PAYLOAD " + Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1])));
            var validator = new JwtValidator<AccessToken>(key, JwtValidationPolicy.For("https://issuer", "api"));
            Console.WriteLine(validator.TryValidate(token, out AccessToken? claims, out JwtError error)
                ? $"VALID {claims.Subject} {claims.TenantId}"
                : $"INVALID {error.Code}");
            """);

        DotNetCli.Succeed(directory, "build", "-c", "Release");
        string output = DotNetCli.Succeed(directory, "run", "-c", "Release", "--no-build");

        // [JwtClaim] names stay as written; the unannotated member follows the project's policy.
        Assert.Contains("\"sub\":\"alice\"", output);
        Assert.Contains("\"tenantId\":\"t-1\"", output);
        Assert.DoesNotContain("tenant_id", output);
        Assert.Contains("VALID alice t-1", output);
    }

    [Fact]
    public void An_invalid_TypedJwtNamingPolicy_fails_the_build_with_TJ0017_alone()
    {
        string directory = package.CreateConsumer("console", "BadPolicyConsumer", "net10.0", properties: NamingPolicy("camel_case"));
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);

        (int exitCode, string output) = DotNetCli.Run(directory, "build", "-c", "Release");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error TJ0017", output);
        Assert.Contains("TypedJwtNamingPolicy is 'camel_case'", output);
        // The generator fell back to snake_case, so the program's uses of the generated type still compile.
        Assert.DoesNotContain("error CS", output);
    }

    [Fact]
    public void Console_project_on_net8_builds_warning_free()
    {
        // This machine has no .NET 8 runtime, so the net8.0 consumer is built, not run.
        string directory = package.CreateConsumer("console", "Net8Consumer", "net8.0");
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);

        string output = DotNetCli.Succeed(directory, "build", "-c", "Release");

        Assert.Contains("Net8Consumer.dll", output);
    }

    [Fact]
    public void Web_api_project_with_only_the_AspNetCore_package_builds_warning_free()
    {
        // TypedJwt.AspNetCore alone must bring TypedJwt with its generator: the endpoints below use a generated type. It
        // must bring buildTransitive/TypedJwt.props too, or the compiler would never pass TypedJwtNamingPolicy on.
        string directory = package.CreateConsumer("webapi", "WebConsumer", "net10.0", "TypedJwt.AspNetCore", new Dictionary<string, string>
        {
            ["TypedJwtNamingPolicy"] = "CamelCase",
            ["EmitCompilerGeneratedFiles"] = "true",
        });
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Consumer;
            using TypedJwt.AspNetCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddTypedJwtBearer<AccessToken>(builder.Configuration.GetSection("Jwt"));
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.MapGet("/me", (ValidatedJwt<AccessToken> jwt) => jwt.Payload.Subject);
            app.MapJwks();
            app.Run();
            """);

        string output = DotNetCli.Succeed(directory, "build", "-c", "Release");

        Assert.Contains("WebConsumer.dll", output);
        Assert.True(File.Exists(Path.Combine(directory, "packages", "typedjwt", package.Version.ToLowerInvariant(), "analyzers", "dotnet", "cs", "TypedJwt.Generators.dll")));
        string generated = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(directory, "obj"), "Consumer.AccessToken.g.cs", SearchOption.AllDirectories)));
        Assert.Contains("\"tenantId\"u8", generated);
    }

    [Fact]
    public void Web_project_with_the_OpenApi_package_alone_serves_the_bearer_scheme()
    {
        // The package brings Microsoft.AspNetCore.OpenApi, whose generator needs its interceptors enabled in the consumer:
        // the package's buildTransitive props must do that, or this project fails with CS9137.
        string directory = package.CreateConsumer("web", "OpenApiConsumer", "net10.0", "TypedJwt.AspNetCore.OpenApi");
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Consumer;
            using TypedJwt.AspNetCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddTypedJwtBearer<AccessToken>(options =>
            {
                options.Issuer = "https://issuer";
                options.Audience = "api";
                options.AllowEphemeralKey = true;
            });
            builder.Services.AddAuthorization();
            builder.Services.AddOpenApi(options => options.AddTypedJwtBearer());
            var app = builder.Build();
            app.MapGet("/me", (ValidatedJwt<AccessToken> jwt) => jwt.Payload.Subject);
            app.MapOpenApi();
            app.Run();
            """);

        string output = DotNetCli.Succeed(directory, "build", "-c", "Release");

        Assert.Contains("OpenApiConsumer.dll", output);
    }

    [Fact]
    public void Test_project_with_the_Testing_package_makes_tokens_a_validator_judges()
    {
        string directory = package.CreateConsumer("console", "TestingConsumer", "net10.0", "TypedJwt.Testing");
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System.Security.Cryptography;
            using Consumer;
            using TypedJwt;
            using TypedJwt.Testing;

            var key = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256, "test");
            var tokens = new TestTokens<AccessToken>(key, "https://issuer", "api", t => new AccessToken
            {
                Issuer = t.Issuer, Subject = "alice", Audience = t.Audience, ExpiresAt = t.ExpiresAt,
            });
            var validator = new JwtValidator<AccessToken>(key, JwtValidationPolicy.For("https://issuer", "api"));
            foreach (TestTokenKind kind in Enum.GetValues<TestTokenKind>())
            {
                Console.WriteLine($"{kind} {validator.Validate(tokens.Create(kind).AsSpan()).Code}");
            }
            """);

        DotNetCli.Succeed(directory, "build", "-c", "Release");
        string output = DotNetCli.Succeed(directory, "run", "-c", "Release", "--no-build");

        Assert.Contains("Valid None", output);
        Assert.Contains("Expired Expired", output);
        Assert.Contains("Tampered InvalidSignature", output);
        Assert.Contains("AlgNone UnsecuredTokenRejected", output);
    }

    [Fact]
    public void Web_api_project_with_revocation_on_Redis_builds_warning_free()
    {
        string directory = package.CreateConsumer("webapi", "FleetConsumer", "net10.0", "TypedJwt.AspNetCore", morePackageIds: ["TypedJwt.Redis"]);
        File.WriteAllText(Path.Combine(directory, "Claims.cs"), Claims);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Consumer;
            using TypedJwt.AspNetCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRedisJwtRevocationStore(builder.Configuration.GetConnectionString("Redis") ?? "127.0.0.1:6379");
            builder.Services.AddAuthentication()
                .AddTypedJwtBearer<AccessToken>(builder.Configuration.GetSection("Jwt"))
                .AddRevocation(o => o.FailurePolicy = JwtRevocationFailurePolicy.FailClosed);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.MapPost("/logout", async (ValidatedJwt<AccessToken> jwt, IJwtRevoker revoker) =>
            {
                await revoker.RevokeAsync(jwt.Payload);
                return Results.NoContent();
            });
            app.Run();
            """);

        string output = DotNetCli.Succeed(directory, "build", "-c", "Release");

        Assert.Contains("FleetConsumer.dll", output);
    }

    [Fact]
    public void Redis_package_carries_both_frameworks_and_depends_on_TypedJwt_and_StackExchange_Redis()
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(Path.Combine(package.Feed, $"TypedJwt.Redis.{package.Version}.nupkg"));
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        using var reader = new StreamReader(archive.GetEntry("TypedJwt.Redis.nuspec")!.Open());
        string nuspec = reader.ReadToEnd();

        Assert.Contains("lib/net8.0/TypedJwt.Redis.dll", entries);
        Assert.Contains("lib/net10.0/TypedJwt.Redis.dll", entries);
        Assert.Contains($"<dependency id=\"TypedJwt\" version=\"{package.Version}\"", nuspec);
        Assert.Contains("<dependency id=\"StackExchange.Redis\"", nuspec);
    }

    private static Dictionary<string, string> NamingPolicy(string value) => new() { ["TypedJwtNamingPolicy"] = value };

    [Fact]
    public void Package_carries_the_analyzers_outside_lib_and_the_props_in_build_and_buildTransitive()
    {
        string nupkg = Path.Combine(package.Feed, $"TypedJwt.{package.Version}.nupkg");
        using var archive = System.IO.Compression.ZipFile.OpenRead(nupkg);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();

        Assert.Contains("analyzers/dotnet/cs/TypedJwt.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/TypedJwt.CodeFixes.dll", entries);
        Assert.Contains("lib/net8.0/TypedJwt.dll", entries);
        Assert.Contains("lib/net10.0/TypedJwt.dll", entries);
        Assert.Contains("README.md", entries);
        foreach (string props in new[] { "build/TypedJwt.props", "buildTransitive/TypedJwt.props" })
        {
            using var reader = new StreamReader(archive.GetEntry(props)!.Open());
            Assert.Contains("<CompilerVisibleProperty Include=\"TypedJwtNamingPolicy\" />", reader.ReadToEnd());
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && (e.Contains("Generators", StringComparison.Ordinal) || e.Contains("CodeFixes", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(package.Feed, $"TypedJwt.{package.Version}.snupkg")));
    }
}
