using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedJwt.Generators.Analyzers;
using TypedJwt.Generators.Tests.Rules.SensitiveClaims;

namespace TypedJwt.Generators.Tests.Rules.SensitiveFlow;

/// <summary>
/// The code TJ0019 is tested on: payloads (readable, Encrypted, positional, with a justified [NotSensitive] claim), a user
/// model with sources and look-alikes, and one way to analyze methods written against them.
/// </summary>
internal static class FlowSources
{
    public const string Model = """
        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record Profile
        {
            [JwtClaim("sub")] public string? Subject { get; init; }
            public string? Nickname { get; init; }
            public string? Email { get; init; }
            [JwtClaim("email")] public string? Contact { get; init; }
            public string? Note { get; set; }
            public long Number { get; init; }
            public bool Flag { get; init; }
            public string[]? Tags { get; init; }
            public List<string> Labels { get; init; } = new();
            [NotSensitive(Justification = "the user's chosen public handle")] public string? Handle { get; init; }
        }

        [JwtPayload(Encrypted = true)]
        public sealed partial record Sealed { public string? Nickname { get; init; } }

        [JwtPayload]
        public sealed partial record Pair(string? Subject, string? Note);

        public sealed class Card { public string? Number { get; set; } public string? Brand { get; set; } public string? Last4 { get; set; } }

        public sealed class CreditCard { public string? Number { get; set; } public string? Brand { get; set; } }

        public sealed class User
        {
            public string? Id { get; set; }
            public string? Name { get; set; }
            public string? Email { get; set; }
            public string? DisplayName { get; set; }
            public string? Password { get; set; }
            public string? PasswordHash { get; set; }
            public bool PasswordExpired { get; set; }
            public bool HasPin { get; set; }
            public int Pin { get; set; }
            public string? Secretary { get; set; }
            public string? ClassName { get; set; }
            public string? ApiKey { get; set; }
            public string? ApiKeyId { get; set; }
            public byte[]? SigningKey { get; set; }
            public string? NationalId { get; set; }
            public DateOnly DateOfBirth { get; set; }
            public int PinAttempts { get; set; }
            public Card? Card { get; set; }
            public string[]? RecoveryCodes { get; set; }
            [Sensitive] public string? Vault { get; set; }
            [Microsoft.Extensions.Compliance.Classification.DataClassification] public string? Locale { get; set; }
            [Microsoft.AspNetCore.Identity.PersonalData] public string? Nick { get; set; }
            [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string? Phone { get; set; }
            [Microsoft.AspNetCore.Identity.PersonalData] public bool EmailConfirmed { get; set; }
            public System.Security.SecureString? Vaulted { get; set; }
            public string GetPassword() => "";
            public string GetDisplayName() => "";
        }

        public interface IDataProtector { string Protect(string plaintext); }

        // The shape of TypedJwt.AspNetCore's JwtIssuer<T>.Issue (that assembly is not referenced here).
        public sealed class Issuer<T> { public object Issue<TState>(TState state, Func<object, TState, T> createPayload) => createPayload(new object(), state)!; }

        """;

    /// <summary>TJ0019 on methods written inside <c>static class Flows</c>, next to <see cref="Model"/>.</summary>
    public static Diagnostic[] Analyze(string methods, string? editorConfig = null, string moreModel = "")
    {
        string source = Harness.Usings + "using System.Linq;\nusing System.Security.Cryptography;\nusing System.Threading.Tasks;\n" + Model + moreModel
            + "public static class Flows\n{\n" + methods + "\n}\n";
        // With the generated code, as a build has it: JwsWriter.Write needs the payload's IJwtPayload<T>.
        Compilation compilation = Harness.Run((CSharpCompilation)Harness.CompileAt(("/src/Input0.cs", source), ("/src/Input1.cs", SensitiveClaimSources.StubNamespaces))).Output;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return editorConfig is null
            ? [.. Harness.Analyze(compilation, GlobalOptionsProvider.None, new SensitiveFlowAnalyzer())]
            : [.. Harness.AnalyzeWithConfig(compilation, [("/.editorconfig", "root = true\n[*.cs]\n" + editorConfig)], new SensitiveFlowAnalyzer())];
    }

    /// <summary>The single TJ0019 of one method body (<c>static object M(User user, ...) { ... }</c>), or null.</summary>
    public static Diagnostic? One(string method, string? editorConfig = null)
    {
        Diagnostic[] diagnostics = Analyze(method, editorConfig);
        Assert.True(diagnostics.Length <= 1, string.Join("\n", diagnostics.Select(d => d.ToString())));
        return diagnostics.SingleOrDefault();
    }
}
