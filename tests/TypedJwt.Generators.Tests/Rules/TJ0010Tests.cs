using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>TJ0010 (docs/diagnostics/TJ0010.md): <c>[NotSensitive]</c> without a justification.</summary>
public class TJ0010Tests
{
    [Fact]
    public Task Reports_a_missing_empty_blank_or_unanswered_justification_and_not_a_written_one() => Harness.VerifyAnalyzerAsync<NotSensitiveJustificationAnalyzer>("""
        [JwtPayload] public sealed partial record Token(string? Subject, [property: {|TJ0010:NotSensitive|}] string? PinHint)
        {
            [{|TJ0010:NotSensitive(Justification = "")|}] public string? Password { get; init; }
            [{|TJ0010:NotSensitive(Justification = "   ")|}] public string? Ssn { get; init; }
            [NotSensitive(Justification = "masked: last four digits only")] public string? CardNumber { get; init; }
            [{|TJ0010:NotSensitive(Justification = "Why may anyone holding the token read this claim?")|}] public string? Pan { get; init; }
            [{|TJ0010:NotSensitive(Justification = " WHY MAY ANYONE HOLDING THE TOKEN READ THIS CLAIM? ")|}] public string? Iban { get; init; }
            [NotSensitive(Justification = "a list item id, not a secret")] public string? PinId { get; init; }
            public string? Name { get; init; }
        }
        """);

    [Fact]
    public void The_placeholder_the_fixes_insert_is_reported()
        => Assert.False(Sensitivity.Justification.IsWritten(Sensitivity.Justification.Placeholder));
}
