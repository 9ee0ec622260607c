using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using TypedJwt.CodeFixes;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>
/// The "mark Encrypted" fix names the JWE form that fits the keys the solution already uses with the payload: RSA or EC
/// keys, or the nested form already in use, call for sign then encrypt; anything else (HMAC, shared keys, keys the source
/// does not show) for a shared key. The edit is the same either way.
/// </summary>
public class EncryptFixTitleTests
{
    private const string SignThenEncrypt = "Mark the payload Encrypted = true (sign then encrypt: JweWriter.WriteNested + NestedJwtValidator)";
    private const string SharedKey = "Mark the payload Encrypted = true (JweWriter.Write + JweValidator with a shared key)";

    private const string Payload = """
        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record Token
        {
            [JwtClaim("sub")] public required string Subject { get; init; }
            public string? Password { get; init; }
        }

        [JwtPayload(TokenType = "other+jwt")]
        public sealed partial record Other { [JwtClaim("sub")] public required string Subject { get; init; } }
        """;

    private const string Crypto = "using System.Security.Cryptography;\n";

    private const string PublicEcJwk = "\"\"\"{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}\"\"\"";

    private const string OctJwks = "\"\"\"{\"keys\":[{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}]}\"\"\"";

    public static TheoryData<string, string, string> Uses() => new()
    {
        {
            "nothing signs or validates the payload", SharedKey,
            "public static class Nobody { }"
        },
        {
            "signed with an ECDSA key made in the call", SignThenEncrypt,
            Crypto + "public static class Issuer { public static string Issue(Token t) => JwsWriter.Write(t, JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256)); }"
        },
        {
            "signed with an RSA key held in a local", SignThenEncrypt,
            Crypto + """
            public static class Issuer
            {
                public static string Issue(Token t, RSA rsa)
                {
                    JwtSigningKey key = JwtSigningKey.FromRsa(rsa, JwsAlgorithm.PS256, "sig-1");
                    return JwsWriter.Write(t, key);
                }
            }
            """
        },
        {
            "TryWrite with a read-only field", SignThenEncrypt,
            Crypto + """
            public static class Issuer
            {
                private static readonly JwtSigningKey Key = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256);

                public static bool Issue(Token t, Span<byte> buffer, out int written) => JwsWriter.TryWrite(t, Key, buffer, out written);
            }
            """
        },
        {
            "validated with a public EC JWK written in the source", SignThenEncrypt,
            $$"""
            public static class Api
            {
                private const string IssuerJwk = {{PublicEcJwk}};

                public static JwtValidator<Token> Validator() => new JwtValidator<Token>(JwtSigningKey.FromJwk(IssuerJwk), JwtValidationPolicy.For("https://id.example", "api"));
            }
            """
        },
        {
            "validated, target-typed, with a key set a method loads from PEM", SignThenEncrypt,
            Crypto + """
            public static class Api
            {
                public static JwtValidator<Token> Validator(string pem)
                {
                    JwtValidator<Token> validator = new(IssuerKeys(pem), JwtValidationPolicy.For("https://id.example", "api"));
                    return validator;
                }

                private static JwtKeySet IssuerKeys(string pem)
                {
                    RSA rsa = RSA.Create();
                    rsa.ImportFromPem(pem);
                    return new JwtKeySet([JwtSigningKey.FromRsa(rsa, JwsAlgorithm.RS256, "a")]);
                }
            }
            """
        },
        {
            "already nested, with keys from elsewhere", SignThenEncrypt,
            "public static class Issuer { public static string Issue(Token t, JwtSigningKey s, JwtEncryptionKey e) => JweWriter.WriteNested(t, s, e); }"
        },
        {
            "already encrypted to an RSA key", SignThenEncrypt,
            Crypto + "public static class Issuer { public static string Issue(Token t, RSA rsa) => JweWriter.Write(t, JwtEncryptionKey.FromRsa(rsa, JweAlgorithm.RsaOaep256, JweEncryption.A256GCM)); }"
        },
        {
            "signed with HMAC", SharedKey,
            "public static class Issuer { public static string Issue(Token t, byte[] secret) => JwsWriter.Write(t, JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, secret)); }"
        },
        {
            "validated with a symmetric JWK Set written in the source", SharedKey,
            $$"""
            public static class Api
            {
                public static JwtValidator<Token> Validator() => new(JwtKeySet.FromJwks({{OctJwks}}), JwtValidationPolicy.For("https://id.example", "api"));
            }
            """
        },
        {
            "encrypted with a shared direct key", SharedKey,
            "public static class Issuer { public static string Issue(Token t, byte[] key) => JweWriter.Write(t, JwtEncryptionKey.CreateDirect(JweEncryption.A256GCM, key)); }"
        },
        {
            "signed with a key the source does not show", SharedKey,
            "public static class Issuer { public static string Issue(Token t, JwtSigningKey injected) => JwsWriter.Write(t, injected); }"
        },
        {
            "another payload type is signed with RSA", SharedKey,
            Crypto + """
            public static class Issuer
            {
                public static string Issue(Other o, RSA rsa) => JwsWriter.Write(o, JwtSigningKey.FromRsa(rsa, JwsAlgorithm.RS256));
                public static string Issue(Token t, byte[] secret) => JwsWriter.Write(t, JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, secret));
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Uses))]
    public async Task The_title_names_the_form_the_keys_call_for(string use, string title, string source)
    {
        _ = use;
        using var workspace = new FixWorkspace();
        ProjectId project = workspace.AddProject("App", [Payload, source]);
        Diagnostic password = Assert.Single(await workspace.AnalyzeAsync(project, new SensitiveClaimAnalyzer()));

        CodeAction action = Assert.Single(await workspace.ActionsAsync(new MarkPayloadEncryptedCodeFixProvider(), password));
        Assert.Equal(title, action.Title);
        Assert.Equal(nameof(MarkPayloadEncryptedCodeFixProvider), action.EquivalenceKey);
    }

    [Fact]
    public async Task The_issuer_may_sign_in_another_project()
    {
        using var workspace = new FixWorkspace();
        ProjectId contracts = workspace.AddProject("Contracts", [Payload]);
        workspace.AddProject("Issuer", [Crypto + "public static class Issuer { public static string Issue(Token t, ECDsa key) => JwsWriter.Write(t, JwtSigningKey.FromECDsa(key, JwsAlgorithm.ES256)); }"], contracts);
        workspace.AddProject("Unrelated", ["public static class Unrelated { }"]);
        Diagnostic password = Assert.Single(await workspace.AnalyzeAsync(contracts, new SensitiveClaimAnalyzer()));

        CodeAction action = Assert.Single(await workspace.ActionsAsync(new MarkPayloadEncryptedCodeFixProvider(), password));
        Assert.Equal(SignThenEncrypt, action.Title);
    }

    [Fact]
    public async Task The_edit_is_the_same_for_both_forms()
    {
        using var workspace = new FixWorkspace();
        ProjectId project = workspace.AddProject("App", [Payload, "public static class Issuer { public static string Issue(Token t, JwtSigningKey s, JwtEncryptionKey e) => JweWriter.WriteNested(t, s, e); }"]);
        Diagnostic password = Assert.Single(await workspace.AnalyzeAsync(project, new SensitiveClaimAnalyzer()));
        CodeAction action = Assert.Single(await workspace.ActionsAsync(new MarkPayloadEncryptedCodeFixProvider(), password));
        Assert.Equal(SignThenEncrypt, action.Title);

        ApplyChangesOperation apply = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        string text = (await apply.ChangedSolution.GetDocument(workspace.Solution.GetDocument(password.Location.SourceTree)!.Id)!.GetTextAsync()).ToString();
        Assert.Contains("[JwtPayload(TokenType = \"at+jwt\", Encrypted = true)]", text);
    }
}
