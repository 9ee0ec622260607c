using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Tests.Generator;

/// <summary>
/// Compares the generated files for representative inputs with the files checked in under Baselines/. Set
/// TYPEDJWT_UPDATE_BASELINES=1 to rewrite them; the diff then shows in review what changed in generated code.
/// </summary>
public class BaselineTests
{
    private static readonly string GeneratorVersion = $"\"TypedJwt.Generators\", \"{typeof(JwtGenerator).Assembly.GetName().Version}\"";

    [Theory]
    [InlineData("AccessToken")]
    [InlineData("EveryType")]
    [InlineData("Header")]
    [InlineData("Nested")]
    public void Generated_code_matches_the_baseline_and_compiles_without_warnings(string input)
    {
        string root = Harness.RepoRoot();
        string testDir = Path.Combine(root, "tests", "TypedJwt.Generators.Tests");
        string source = File.ReadAllText(Path.Combine(testDir, "Inputs", input + ".cs"));

        (GeneratorDriverRunResult result, Compilation output) = Harness.Run(source);

        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        bool update = Environment.GetEnvironmentVariable("TYPEDJWT_UPDATE_BASELINES") == "1";
        foreach (SyntaxTree tree in result.GeneratedTrees)
        {
            string path = Path.Combine(testDir, "Baselines", input, Path.GetFileName(tree.FilePath));
            // The [GeneratedCode] version is the package version; baselines hold a placeholder so a release does not rewrite them.
            string actual = tree.GetText().ToString().Replace(GeneratorVersion, "\"TypedJwt.Generators\", \"{version}\"", StringComparison.Ordinal);
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual);
                continue;
            }

            Assert.True(File.Exists(path), $"No baseline {path}; run with TYPEDJWT_UPDATE_BASELINES=1.");
            Assert.Equal(File.ReadAllText(path), actual);
        }

        string[] expectedFiles = Directory.Exists(Path.Combine(testDir, "Baselines", input))
            ? Directory.GetFiles(Path.Combine(testDir, "Baselines", input)).Select(f => Path.GetFileName(f)!).Order().ToArray()
            : [];
        Assert.Equal(expectedFiles, result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order().ToArray());
    }
}
