using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules.SensitiveFlow;

/// <summary>
/// TJ0019 on the sample API's own sources (samples/TypedJwt.SampleApi), compiled with TypedJwt.AspNetCore's sources and the
/// ASP.NET Core shared framework: no report as the sample stands, and a report once one of its claims is fed the user's
/// password hash, which shows the analyzer does see the sample's token creation (inside JwtIssuer.Issue's lambda).
/// </summary>
public class SampleApiTests
{
    [Fact]
    public void The_sample_as_it_stands_has_no_report()
    {
        Compilation compilation = CompileSample(source => source);
        Assert.True(PayloadCreations(compilation) >= 2, "the sample's AccessToken and OneTimeToken creations bind");
        Assert.Empty(Harness.Analyze(compilation, GlobalOptionsProvider.None, new SensitiveFlowAnalyzer()));
    }

    [Fact]
    public void A_password_hash_fed_into_the_samples_token_is_reported()
    {
        Compilation compilation = CompileSample(source => source.Replace("Subject = user.Name,", "Subject = Convert.ToHexString(user.PasswordHash),"));
        Diagnostic diagnostic = Assert.Single(Harness.Analyze(compilation, GlobalOptionsProvider.None, new SensitiveFlowAnalyzer()));
        Assert.Contains("'user.PasswordHash' \u2192 claim 'Subject'", diagnostic.GetMessage());
    }

    // What the Web SDK's implicit usings add to the sample.
    private const string WebSdkUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static Compilation CompileSample(Func<string, string> edit)
    {
        string root = Harness.RepoRoot();
        IEnumerable<string> files = Directory.EnumerateFiles(Path.Combine(root, "samples", "TypedJwt.SampleApi"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "TypedJwt.AspNetCore"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        List<SyntaxTree> trees = [CSharpSyntaxTree.ParseText(WebSdkUsings, Harness.ParseOptions, path: "GlobalUsings.cs")];
        trees.AddRange(files.Select(f => CSharpSyntaxTree.ParseText(edit(File.ReadAllText(f)), Harness.ParseOptions, path: f)));

        // The ASP.NET Core shared framework next to the running .NET one (same machine, same SDK).
        string netCore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string aspNetCore = Directory.GetDirectories(Path.Combine(netCore, "..", "..", "Microsoft.AspNetCore.App")).Order().Last();
        MetadataReference[] references = [.. Harness.References, .. Directory.EnumerateFiles(aspNetCore, "*.dll").Select(f => MetadataReference.CreateFromFile(f))];
        var compilation = CSharpCompilation.Create("TypedJwt.SampleApi", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return Harness.Run(compilation).Output;
    }

    // The [JwtPayload] creations in the sample that bound to their types (not error types), wherever they are.
    private static int PayloadCreations(Compilation compilation)
    {
        int count = 0;
        foreach (SyntaxTree tree in compilation.SyntaxTrees.Where(t => t.FilePath.Contains("SampleApi")))
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes().Where(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax))
            {
                if (model.GetOperation(node) is IObjectCreationOperation { Type: { TypeKind: not TypeKind.Error } type }
                    && type.GetAttributes().Any(a => a.AttributeClass?.Name == "JwtPayloadAttribute"))
                {
                    count++;
                }
            }
        }

        return count;
    }
}
