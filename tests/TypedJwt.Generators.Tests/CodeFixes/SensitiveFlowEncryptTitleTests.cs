using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using TypedJwt.CodeFixes;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.CodeFixes;

/// <summary>TJ0019's "mark Encrypted" names the nested form when the payload is signed with an RSA or EC key, as TJ0001's does.</summary>
public class SensitiveFlowEncryptTitleTests
{
    [Fact]
    public async Task The_title_names_sign_then_encrypt_for_an_ECDSA_key()
    {
        using var workspace = new FixWorkspace();
        ProjectId project = workspace.AddProject("App", ["""
            using System.Security.Cryptography;
            [JwtPayload(TokenType = "at+jwt")]
            public sealed partial record Token { [JwtClaim("sub")] public required string Subject { get; init; } public string? Nickname { get; init; } }
            public static class Issuer
            {
                public static string Issue(string password)
                    => JwsWriter.Write(new Token { Subject = "s", Nickname = password }, JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256));
            }
            """]);
        Diagnostic diagnostic = Assert.Single(await workspace.AnalyzeAsync(project, new SensitiveFlowAnalyzer()));
        CodeAction first = (await workspace.ActionsAsync(new SensitiveFlowCodeFixProvider(), diagnostic))[0];
        Assert.Equal("Mark the payload Encrypted = true (sign then encrypt: JweWriter.WriteNested + NestedJwtValidator)", first.Title);
    }
}
