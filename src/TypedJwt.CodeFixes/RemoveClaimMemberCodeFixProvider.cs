using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedJwt.Generators.Diagnostics;

namespace TypedJwt.CodeFixes;

/// <summary>
/// TJ0001/TJ0002: removes the member, so the value is no longer in the token. A positional record parameter is removed
/// from the parameter list; code that passed it will no longer compile, which shows every place that set the value.
/// Registered last by <see cref="SensitiveClaimCodeFixProvider"/>: it is the one that deletes code.
/// </summary>
public sealed class RemoveClaimMemberCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.SecretClaimNotEncrypted, RuleIdentifiers.PersonalDataClaimNotEncrypted);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root is null || ClaimMemberSyntax.Find(root, diagnostic.Location.SourceSpan) is not { } member)
            {
                continue;
            }

            string name = root.FindToken(diagnostic.Location.SourceSpan.Start).ValueText;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove '{name}' from the token", _ => Task.FromResult(Remove(context.Document, root, member)), equivalenceKey: nameof(RemoveClaimMemberCodeFixProvider)),
                diagnostic);
        }
    }

    private static Document Remove(Document document, SyntaxNode root, SyntaxNode member)
    {
        SyntaxNode target = member is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } ? field : member;
        if (target is ParameterSyntax { Parent: ParameterListSyntax list } parameter && list.Parameters.IndexOf(parameter) == 0 && list.Parameters.Count > 1)
        {
            // Removing the first parameter takes its comma; the next one must not keep the space that followed it.
            ParameterListSyntax shorter = list.RemoveNode(parameter, SyntaxRemoveOptions.KeepNoTrivia)!;
            shorter = shorter.ReplaceNode(shorter.Parameters[0], shorter.Parameters[0].WithoutLeadingTrivia());
            return document.WithSyntaxRoot(root.ReplaceNode(list, shorter));
        }

        return document.WithSyntaxRoot(root.RemoveNode(target, SyntaxRemoveOptions.KeepNoTrivia)!);
    }
}
