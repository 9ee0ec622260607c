using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TypedJwt.CodeFixes;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>
/// The advice of TJ0001 taken for real: the "mark payload Encrypted" fix is applied to a payload with a password, and the
/// fixed code is compiled with the generator, loaded and run: it issues a JWE and reads the password back through it.
/// </summary>
public class EncryptFixRoundTripTests
{
    private const string Source = """
        using System;
        using TypedJwt;

        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record LoginToken
        {
            [JwtClaim("iss")] public required string Issuer { get; init; }
            [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
            [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
            public string? Password { get; init; }
        }

        public static class RoundTrip
        {
            public static string? Run()
            {
                var key = JwtEncryptionKey.CreateDirect(JweEncryption.A256GCM, new byte[32]);
                string token = JweWriter.Write(new LoginToken
                {
                    Issuer = "https://issuer",
                    Audience = "api",
                    ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
                    Password = "correct horse",
                }, key);
                var validator = new JweValidator<LoginToken>(key, JwtValidationPolicy.For("https://issuer", "api"));
                return validator.TryValidate(token, out LoginToken? claims, out JwtError error) ? claims.Password : "refused: " + error.Code;
            }
        }
        """;

    [Fact]
    public async Task Fixed_payload_compiles_and_round_trips_as_a_JWE()
    {
        string fixedSource = await ApplyEncryptFixAsync(Source);
        Assert.Contains("[JwtPayload(TokenType = \"at+jwt\", Encrypted = true)]", fixedSource);
        Assert.DoesNotContain(Harness.Analyze([fixedSource], new SensitiveClaimAnalyzer()), d => d.Id == "TJ0001");

        (_, Compilation output) = Harness.Run(fixedSource);
        using var assembly = new MemoryStream();
        var emitted = output.Emit(assembly);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        var context = new AssemblyLoadContext("encrypt-fix", isCollectible: true);
        try
        {
            assembly.Position = 0;
            Assembly loaded = context.LoadFromStream(assembly);
            object? password = loaded.GetType("RoundTrip")!.GetMethod("Run")!.Invoke(null, null);
            Assert.Equal("correct horse", password);
        }
        finally
        {
            context.Unload();
        }
    }

    private static async Task<string> ApplyEncryptFixAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.CurrentSolution
            .AddProject("Fix", "Fix", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(Harness.ParseOptions)
            .AddMetadataReferences(Harness.References);
        Document document = project.AddDocument("Token.cs", SourceText.From(source));

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers([new SensitiveClaimAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Diagnostic password = Assert.Single(diagnostics, d => d.Id == "TJ0001");

        var actions = new List<CodeAction>();
        var fixContext = new CodeFixContext(document, password, (action, _) => actions.Add(action), CancellationToken.None);
        await new MarkPayloadEncryptedCodeFixProvider().RegisterCodeFixesAsync(fixContext);
        CodeAction fix = Assert.Single(actions);

        ApplyChangesOperation apply = Assert.Single((await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        Document changed = apply.ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }
}
