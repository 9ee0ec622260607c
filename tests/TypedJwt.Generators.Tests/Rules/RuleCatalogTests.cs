using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// Every diagnostic TypedJwt ships has its page (docs/diagnostics/TJxxxx.md, which its help link names), its row in
/// AnalyzerReleases.Unshipped.md, and its tests in Rules/TJxxxxTests.cs; and no analyzer runs where TypedJwt is not used.
/// </summary>
public class RuleCatalogTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = [.. Harness.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id)];

    [Fact]
    public void Every_rule_has_a_help_page_and_a_release_entry()
    {
        string root = Harness.RepoRoot();
        string unshipped = File.ReadAllText(Path.Combine(root, "src", "TypedJwt.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(Descriptors, d => d.Id == "TJ0001");
        Assert.Contains(Descriptors, d => d.Id == "TJ0002");
        foreach (DiagnosticDescriptor descriptor in Descriptors)
        {
            Match match = Regex.Match(descriptor.HelpLinkUri, @"^https://github\.com/typedjwt/typedjwt/blob/main/(docs/diagnostics/(TJ\d{4})\.md)$");
            Assert.True(match.Success, descriptor.HelpLinkUri);
            Assert.Equal(descriptor.Id, match.Groups[2].Value);
            string page = Path.Combine(root, match.Groups[1].Value);
            Assert.True(File.Exists(page), match.Groups[1].Value);
            string text = File.ReadAllText(page);
            Assert.StartsWith("# " + descriptor.Id + ": ", text);
            Assert.Contains("| Severity | " + descriptor.DefaultSeverity + " |", text);
            foreach (string section in new[] { "## What and why", "## Non-compliant code", "## Compliant code", "## How to suppress" })
            {
                Assert.Contains(section, text);
            }

            if (descriptor.Category == "TypedJwt.Security")
            {
                Assert.Contains("## Options", text);
            }

            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", unshipped);
        }
    }

    // The test layout mirrors docs/diagnostics: a new rule's tests go in Rules/TJxxxxTests.cs, next to no other rule's.
    [Fact]
    public void Every_rule_has_its_test_class_and_every_rule_test_class_a_rule()
    {
        string[] ruleTests = [.. typeof(RuleCatalogTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleCatalogTests).Namespace && Regex.IsMatch(t.Name, @"^TJ\d{4}Tests$"))
            .Select(t => t.Name[..^"Tests".Length])
            .Order()];

        Assert.Equal(Descriptors.Select(d => d.Id).Order(), ruleTests);
        foreach (string id in ruleTests)
        {
            Assert.True(File.Exists(Path.Combine(Harness.ProjectDirectory(), "Rules", id + "Tests.cs")), id);
        }
    }

    [Fact]
    public async Task Nothing_is_registered_without_TypedJwt()
    {
        Compilation compilation = Harness.CompileWithoutTypedJwt("public class C { }");
        Assert.Empty(await compilation.WithAnalyzers([.. Harness.AllAnalyzers()]).GetAnalyzerDiagnosticsAsync());
    }
}
