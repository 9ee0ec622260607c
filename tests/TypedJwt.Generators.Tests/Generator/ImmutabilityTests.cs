using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Tests.Generator;

/// <summary>
/// Which payload types the generator declares immutable (so a verified-token cache may share one instance between
/// callers): every member get-only or init-only, on the type and its bases, every value of an immutable type.
/// </summary>
public class ImmutabilityTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using TypedJwt;

        """;

    [Theory]
    [InlineData("public sealed partial record T { public required string Sub { get; init; } public ImmutableArray<string> Roles { get; init; } public JwtAudience Aud { get; init; } public Guid Id { get; init; } public DateTimeOffset Exp { get; init; } public Uri? Site { get; init; } public int? Level { get; init; } }", true)]
    [InlineData("public sealed partial record T(string Sub, long Quota);", true)]
    [InlineData("public partial struct T { public string Name { get; init; } }", true)]
    [InlineData("public sealed partial class T { public readonly string Name = \"\"; }", true)]
    [InlineData("public sealed partial record T { public Inner? In { get; init; } } [JwtPayload] public sealed partial record Inner { public string? Name { get; init; } }", true)]
    [InlineData("public sealed partial record T { [JwtClaim(\"cnf\")] public JwtConfirmation? Confirmation { get; init; } }", true)]
    [InlineData("public sealed partial record T { public string[]? Tags { get; init; } }", false)]
    [InlineData("public sealed partial record T { public IReadOnlyList<string>? Tags { get; init; } }", false)]
    [InlineData("public sealed partial record T { public string? Name { get; set; } }", false)]
    [InlineData("public sealed partial class T { public string Name = \"\"; }", false)]
    [InlineData("public sealed partial record T { public string? Name { get; init; } private int _count; public void Bump() => _count++; }", false)]
    [InlineData("public sealed partial record T : Base { public string? Name { get; init; } } public record Base { public int Count { get; set; } }", false)]
    [InlineData("public sealed partial record T { public Inner? In { get; init; } } [JwtPayload] public sealed partial class Inner { public string? Name { get; set; } }", false)]
    [InlineData("public sealed partial record T { public Inner? In { get; init; } } [JwtPayload] public sealed partial class Inner { public string[]? Names { get; init; } }", false)]
    public void A_payload_is_immutable_exactly_when_nothing_in_it_can_change(string declaration, bool immutable)
    {
        string source = Usings + "[JwtPayload] " + declaration;

        (GeneratorDriverRunResult result, Compilation output) = Harness.Run(source);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string generated = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("T.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Equal(immutable, generated.Contains("IsImmutable => true", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_type_says_nothing_about_immutability()
    {
        (GeneratorDriverRunResult result, _) = Harness.Run(Usings + "[JwtHeader] public sealed partial record H { public string? Hint { get; init; } }");

        Assert.DoesNotContain("IsImmutable", result.GeneratedTrees.Single().ToString(), StringComparison.Ordinal);
    }
}
