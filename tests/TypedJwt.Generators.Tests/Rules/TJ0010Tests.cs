using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>TJ0010 (docs/diagnostics/TJ0010.md): <c>[NotSensitive]</c> without a justification.</summary>
public class TJ0010Tests
{
    [Fact]
    public Task Reports_a_missing_empty_or_blank_justification_and_not_a_written_one() => Harness.VerifyAnalyzerAsync<NotSensitiveJustificationAnalyzer>("""
        [JwtPayload] public sealed partial record Token(string? Subject, [property: {|TJ0010:NotSensitive|}] string? PinHint)
        {
            [{|TJ0010:NotSensitive(Justification = "")|}] public string? Password { get; init; }
            [{|TJ0010:NotSensitive(Justification = "   ")|}] public string? Ssn { get; init; }
            [NotSensitive(Justification = "masked: last four digits only")] public string? CardNumber { get; init; }
            public string? Name { get; init; }
        }
        """);
}
