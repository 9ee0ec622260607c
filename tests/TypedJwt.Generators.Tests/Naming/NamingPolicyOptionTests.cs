using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Tests.Naming;

/// <summary>
/// The <c>TypedJwtNamingPolicy</c> MSBuild property: the default naming policy of every claim set whose attribute sets none,
/// applied by the generator and by the analyzer that reports its name checks, which must agree on every name.
/// </summary>
public class NamingPolicyOptionTests
{
    private const string Usings = """
        using System;
        using TypedJwt;
        namespace Sample;

        """;

    private const string Payload = Usings + """
        [JwtPayload]
        public sealed partial record Token
        {
            [JwtClaim("sub")] public required string Subject { get; init; }
            public string? TenantId { get; init; }
        }
        """;

    [Theory]
    [InlineData(null, "tenant_id")]
    [InlineData("", "tenant_id")]
    [InlineData("   ", "tenant_id")]
    [InlineData("SnakeCaseLower", "tenant_id")]
    [InlineData("CamelCase", "tenantId")]
    [InlineData("AsDeclared", "TenantId")]
    [InlineData("camelcase", "tenantId")]
    [InlineData("  asDeclared ", "TenantId")]
    [InlineData("SNAKECASELOWER", "tenant_id")]
    public void The_property_names_claims_without_JwtClaim(string? value, string expected)
    {
        string generated = Generate(value, Payload);

        AssertClaimName(generated, expected);
        AssertClaimName(generated, "sub");
        AssertNoLiteral(generated, [.. new[] { "tenant_id", "tenantId", "TenantId" }.Where(n => n != expected)]);
    }

    [Theory]
    [InlineData(null, "tenant_hint")]
    [InlineData("CamelCase", "tenantHint")]
    [InlineData("AsDeclared", "TenantHint")]
    public void The_property_names_header_parameters_too(string? value, string expected)
    {
        string generated = Generate(value, Usings + """
            [JwtHeader]
            public sealed partial record TenantHeader([property: JwtClaim("x5t#S256")] string Thumbprint, string? TenantHint = null);
            """);

        AssertClaimName(generated, expected);
        AssertClaimName(generated, "x5t#S256");
    }

    [Theory]
    [InlineData("CamelCase", "[JwtPayload(NamingPolicy = JwtNamingPolicy.SnakeCaseLower)]", "tenant_id")]
    [InlineData("CamelCase", "[JwtPayload(NamingPolicy = JwtNamingPolicy.AsDeclared)]", "TenantId")]
    [InlineData(null, "[JwtPayload(NamingPolicy = JwtNamingPolicy.CamelCase)]", "tenantId")]
    [InlineData("AsDeclared", "[JwtPayload(TokenType = \"at+jwt\", NamingPolicy = JwtNamingPolicy.SnakeCaseLower)]", "tenant_id")]
    public void A_NamingPolicy_written_on_the_attribute_wins_even_when_it_is_the_default(string? value, string attribute, string expected)
        => AssertClaimName(Generate(value, Payload.Replace("[JwtPayload]", attribute)), expected);

    [Fact]
    public void A_NamingPolicy_written_on_a_header_attribute_wins()
    {
        string generated = Generate("CamelCase", Usings + """
            [JwtHeader(NamingPolicy = JwtNamingPolicy.SnakeCaseLower)]
            public sealed partial record TenantHeader(string? TenantHint = null);
            """);

        AssertClaimName(generated, "tenant_hint");
    }

    [Theory]
    [InlineData("CamelCase", "[JwtPayload]")]
    [InlineData("CamelCase", "[JwtPayload(NamingPolicy = JwtNamingPolicy.AsDeclared)]")]
    [InlineData("AsDeclared", "[JwtPayload(NamingPolicy = JwtNamingPolicy.CamelCase)]")]
    public void JwtClaim_wins_over_the_property_and_the_attribute(string value, string attribute)
    {
        string generated = Generate(value, Payload.Replace("[JwtPayload]", attribute).Replace("public string? TenantId", "[JwtClaim(\"tid\")] public string? TenantId"));

        AssertClaimName(generated, "tid");
        AssertNoLiteral(generated, "tenant_id", "tenantId", "TenantId");
    }

    [Theory]
    [InlineData(null, "\"sub\":\"alice\",\"tenant_id\":\"t-1\"")]
    [InlineData("CamelCase", "\"sub\":\"alice\",\"tenantId\":\"t-1\"")]
    [InlineData("AsDeclared", "\"sub\":\"alice\",\"TenantId\":\"t-1\"")]
    public void The_claim_names_on_the_wire_change_and_round_trip(string? value, string expectedJson)
    {
        const string program = """
            public static class Probe
            {
                public static string Run()
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    JwtClaimSetWriter.WriteJson(new Token { Subject = "alice", TenantId = "t-1" }, buffer);
                    string json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                    var reader = new System.Text.Json.Utf8JsonReader(buffer.WrittenSpan);
                    reader.Read();
                    return Token.TryReadJson(ref reader, JwtReadOptions.Default, out Token? read, out JwtError error)
                        ? json + " " + read.TenantId
                        : json + " refused: " + error.Code + " " + error.Name;
                }
            }
            """;

        Assert.Equal("{" + expectedJson + "} t-1", CompileAndRun(GlobalOptionsProvider.NamingPolicy(value), Payload + "\n" + program));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("SnakeCaseLower", true)]
    [InlineData("CamelCase", false)]
    [InlineData("AsDeclared", false)]
    public void TenantId_and_tenant_id_collide_only_under_snake_case(string? value, bool collides)
    {
        string source = Usings + """
            [JwtPayload]
            public sealed partial record Token
            {
                public string? TenantId { get; init; }
                public string? tenant_id { get; init; }
            }
            """;

        AssertCollision(value, source, collides, member: "tenant_id", claim: "tenant_id", first: "TenantId");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("CamelCase", true)]
    [InlineData("AsDeclared", false)]
    public void A_duplicate_that_exists_only_under_camel_case_is_reported_only_under_camel_case(string? value, bool collides)
    {
        string source = Usings + """
            [JwtPayload]
            public sealed partial record Token
            {
                public string? TenantId { get; init; }
                [JwtClaim("tenantId")] public string? Tenant { get; init; }
            }
            """;

        AssertCollision(value, source, collides, member: "Tenant", claim: "tenantId", first: "TenantId");
    }

    [Theory]
    [InlineData(null, "TJ0006", "Exp")]
    [InlineData("AsDeclared", null, null)]
    public void A_registered_claim_is_recognised_by_its_resolved_name(string? value, string? id, string? at)
        => AssertNameRule(value, Usings + "[JwtPayload] public sealed partial record Token { public long Exp { get; init; } }", id, at);

    [Theory]
    [InlineData(null, "TJ0007", "Kid")]
    [InlineData("CamelCase", "TJ0007", "Kid")]
    [InlineData("AsDeclared", null, null)]
    public void A_reserved_header_parameter_is_recognised_by_its_resolved_name(string? value, string? id, string? at)
        => AssertNameRule(value, Usings + "[JwtHeader] public sealed partial record Header { public string? Kid { get; init; } }", id, at);

    [Fact]
    public void The_analyzer_reports_member_and_name_problems_of_one_type_together()
    {
        string source = Usings + """
            [JwtPayload]
            public sealed partial record Token
            {
                public object? Blob { get; init; }
                public string? TenantId { get; init; }
                [JwtClaim("tenantId")] public string? Tenant { get; init; }
            }
            """;

        Diagnostic[] diagnostics = [.. Harness.Analyze([source], GlobalOptionsProvider.NamingPolicy("CamelCase"), new JwtClaimSetAnalyzer())];

        Assert.Equal(["TJ0004:Blob", "TJ0005:Tenant"], diagnostics.Select(d => d.Id + ":" + Text(d)).Order());
    }

    [Theory]
    [InlineData("camel_case")]
    [InlineData("1")]
    [InlineData("Snake")]
    public void An_invalid_value_falls_back_to_snake_case_in_the_generator_and_the_analyzer(string value)
    {
        AssertClaimName(Generate(value, Payload), "tenant_id");

        string collision = Usings + """
            [JwtPayload] public sealed partial record Token { public string? TenantId { get; init; } public string? tenant_id { get; init; } }
            """;
        Assert.Equal("TJ0005", Assert.Single(Harness.Analyze([collision], GlobalOptionsProvider.NamingPolicy(value), new JwtClaimSetAnalyzer())).Id);
    }

    private static string Generate(string? value, string source)
    {
        (GeneratorDriverRunResult result, Compilation output) = Harness.Run(GlobalOptionsProvider.NamingPolicy(value), source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return Assert.Single(result.GeneratedTrees).GetText().ToString();
    }

    // A claim name is in the generated code twice: pre-encoded for writing and as the u8 literal the reader matches.
    private static void AssertClaimName(string generated, string name)
    {
        Assert.Contains($"EncodeName(\"{name}\")", generated);
        Assert.Contains($"ValueTextEquals(in reader, \"{name}\"u8)", generated);
    }

    private static void AssertNoLiteral(string generated, params string[] names)
    {
        foreach (string name in names)
        {
            Assert.DoesNotContain($"\"{name}\"", generated);
        }
    }

    private static void AssertCollision(string? value, string source, bool collides, string member, string claim, string first)
    {
        GlobalOptionsProvider options = GlobalOptionsProvider.NamingPolicy(value);
        (GeneratorDriverRunResult result, Compilation output) = Harness.Run(options, source);
        Diagnostic[] diagnostics = [.. Harness.Analyze([source], options, new JwtClaimSetAnalyzer())];
        if (collides)
        {
            Assert.Empty(result.GeneratedTrees);
            Diagnostic duplicate = Assert.Single(diagnostics);
            Assert.Equal("TJ0005", duplicate.Id);
            Assert.Equal(member, Text(duplicate));
            Assert.Equal($"Member '{member}' maps to claim '{claim}', which member '{first}' already uses", duplicate.GetMessage());
        }
        else
        {
            Assert.Empty(diagnostics);
            Assert.Single(result.GeneratedTrees);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }
    }

    private static void AssertNameRule(string? value, string source, string? id, string? at)
    {
        GlobalOptionsProvider options = GlobalOptionsProvider.NamingPolicy(value);
        (GeneratorDriverRunResult result, _) = Harness.Run(options, source);
        Diagnostic[] diagnostics = [.. Harness.Analyze([source], options, new JwtClaimSetAnalyzer())];
        if (id is null)
        {
            Assert.Empty(diagnostics);
            Assert.Single(result.GeneratedTrees);
            return;
        }

        Assert.Empty(result.GeneratedTrees);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(at, Text(diagnostic));
    }

    private static string CompileAndRun(GlobalOptionsProvider options, string source)
    {
        (_, Compilation output) = Harness.Run(options, source);
        using var assembly = new MemoryStream();
        var emitted = output.Emit(assembly);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        var context = new AssemblyLoadContext("naming-policy", isCollectible: true);
        try
        {
            assembly.Position = 0;
            Assembly loaded = context.LoadFromStream(assembly);
            return (string)loaded.GetType("Sample.Probe")!.GetMethod("Run")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
