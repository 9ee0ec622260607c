using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedJwt.Generators.Tests.Generator;

/// <summary>
/// Generated code compiles cleanly in the strictest user project: nullable enabled, every warning an error.
/// </summary>
public class GeneratedCodeTests
{
    [Fact]
    public void Obsolete_claim_members_types_and_enum_members_compile_under_warnings_as_errors()
    {
        const string Source = """
            #nullable enable
            using System;
            using TypedJwt;
            namespace Sample;

            [Obsolete("Use Tier.")]
            public enum Plan { Free, [Obsolete] Pro }

            [JwtPayload]
            public sealed partial record Legacy
            {
                [JwtClaim("sub")] public required string Subject { get; init; }
                [Obsolete("Use Subject.")] public string? UserName { get; init; }
                [Obsolete] public int Level { get; init; }
            #pragma warning disable CS0618 // the declaration names the obsolete type; the generated code must not need this
                public Plan Plan { get; init; }
            #pragma warning restore CS0618
                [Obsolete("Going away.", DiagnosticId = "LEGACY001")] public string? Region { get; init; }
                [Obsolete] public string? Field;
            }
            """;
        CSharpCompilation input = Harness.Compile(Source);
        input = input.WithOptions(input.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));

        (GeneratorDriverRunResult result, Compilation output) = Harness.Run(input);

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics());
        Assert.Contains("#pragma warning disable CS0612, CS0618, LEGACY001", result.GeneratedTrees[0].ToString(), StringComparison.Ordinal);
    }

    // Names in generated code come from the member (__Value_Nonce, __Bit_Nonce), not from its position, so a claim added in
    // the middle leaves every other line as it was but the next claim's bit, which is defined from the one before it.
    [Fact]
    public void Inserting_a_claim_changes_only_its_own_lines_and_the_next_claim_s_bit()
    {
        const string Before = """
            using System;
            using TypedJwt;
            namespace Sample;

            [JwtPayload]
            public sealed partial record Token
            {
                [JwtClaim("sub")] public required string Subject { get; init; }
                [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
                public string? Tenant { get; init; }
            }
            """;
        string after = Before.Replace(
            "    [JwtClaim(\"exp\")]",
            "    [System.ComponentModel.DataAnnotations.Required] public string? Nonce { get; init; }\n    [JwtClaim(\"exp\")]",
            StringComparison.Ordinal);

        string[] before = Generate(Before);
        string[] inserted = Generate(after);

        // Every line of the old output is still there but one; what is new is the claim's own code.
        Assert.Equal(["        private const ulong __Bit_ExpiresAt = __Bit_Subject << 1;"], Without(before, inserted));
        List<string> added = Without(inserted, before);
        Assert.Contains("        private const ulong __Bit_ExpiresAt = __Bit_Nonce << 1;", added);
        Assert.Contains("        private const ulong __Bit_Nonce = __Bit_Subject << 1;", added);
    }

    private static string[] Generate(string source)
    {
        (GeneratorDriverRunResult result, _) = Harness.Run(source);
        return Assert.Single(result.GeneratedTrees).ToString().Split('\n');
    }

    // The lines of first that second lacks, counting repeats.
    private static List<string> Without(string[] first, string[] second)
    {
        var remaining = second.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var missing = new List<string>();
        foreach (string line in first)
        {
            if (remaining.TryGetValue(line, out int count) && count > 0)
            {
                remaining[line] = count - 1;
            }
            else
            {
                missing.Add(line);
            }
        }

        return missing;
    }
}
