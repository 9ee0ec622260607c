using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules.SensitiveFlow;

/// <summary>
/// TJ0019 runs while code is being typed: on unresolved types and members, half-written initializers, cycles between
/// locals and very long expressions it must neither throw nor hang. Exceptions are caught by the driver's callback here,
/// so that one would fail the test instead of becoming an AD0001 warning.
/// </summary>
public class BrokenCodeTests
{
    private const string Broken = """
        [JwtPayload] public sealed partial record Token { public string? Note { get; init; } public Missing? Other { get; init; } }
        [JwtPayload] public sealed partial record Positional(string? Note, Unknown Thing);
        public static class Flows
        {
            public static Token A(string password) => new() { Note = password, Nope = password, Other = new Missing { X = password } };
            public static Token B(Token t, string password) => t with { Missing = password, Note = Undefined(password) };
            public static Token C(string password) { var a = b; var b = a; a = password; return new() { Note = b }; }
            public static Positional D(string password) => new(password, password, password);
            public static Token E(UnknownUser user) => new() { Note = user.Password.Foo().Bar, Other = user };
            public static Token F(string password) => new() { Note = password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password + password };
            public static object G(string password) => Issue(password, (t, s) => new Token { Note = s });
            public static Token H(string pin) => new() { Note = pin switch { , } };
            public static Token I() => new() { Note = };
            public static Token J(string secret) { Token t = null!; t.Note = secret; t.Missing.Note = secret; return t; }
        }
        """;

    [Fact]
    public async Task Unresolved_and_incomplete_code_does_not_throw()
    {
        Compilation compilation = Harness.Compile(Harness.Usings + Broken);
        Assert.NotEmpty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], GlobalOptionsProvider.None),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers([new SensitiveFlowAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == "TJ0019");
    }
}
