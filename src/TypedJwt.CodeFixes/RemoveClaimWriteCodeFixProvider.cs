using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedJwt.Generators.Analyzers;
using TypedJwt.Generators.Diagnostics;

namespace TypedJwt.CodeFixes;

/// <summary>
/// TJ0019: removes the write that puts the value into the claim: the <c>Claim = value</c> of an object initializer or a
/// <c>with</c> expression, an assignment statement, or the element of a claim collection (or the <c>Add</c> statement).
/// Not offered for a positional constructor argument, which cannot be left out without another value; nor when the claim
/// is <c>required</c>, since the initializer would then not compile (the other fixes remain).
/// </summary>
public sealed class RemoveClaimWriteCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SensitiveValueInReadableClaim);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root is null
                || !diagnostic.Properties.TryGetValue(SensitiveFlowAnalyzer.SinkProperty, out string? sink)
                || sink == nameof(SensitiveFlowAnalyzer.SinkKind.Argument)
                || await IsRequiredAsync(context.Document, diagnostic, context).ConfigureAwait(false)
                || Target(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } target)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove this write from the token", _ => Task.FromResult(Remove(context.Document, root, target)), equivalenceKey: nameof(RemoveClaimWriteCodeFixProvider)),
                diagnostic);
        }
    }

    // The node to remove: an initializer's element (assignment or collection element), or the statement that writes.
    private static SyntaxNode? Target(SyntaxNode node)
    {
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            switch (current.Parent)
            {
                case InitializerExpressionSyntax:
                    return current;
                case ExpressionStatementSyntax statement when current is AssignmentExpressionSyntax or InvocationExpressionSyntax:
                    return statement;
            }

            if (current is StatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }

    private static Document Remove(Document document, SyntaxNode root, SyntaxNode target)
    {
        if (target.Parent is InitializerExpressionSyntax initializer && target is ExpressionSyntax expression)
        {
            SeparatedSyntaxList<ExpressionSyntax> rest = initializer.Expressions.Remove(expression);
            if (rest.Count > 0 && initializer.Expressions.IndexOf(expression) == initializer.Expressions.Count - 1)
            {
                // The last element took the space before the closing brace with it; the new last one keeps it.
                rest = rest.Replace(rest[rest.Count - 1], rest[rest.Count - 1].WithTrailingTrivia(expression.GetTrailingTrivia()));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(initializer, initializer.WithExpressions(rest)));
        }

        return document.WithSyntaxRoot(root.RemoveNode(target, SyntaxRemoveOptions.KeepNoTrivia)!);
    }

    private static async Task<bool> IsRequiredAsync(Document document, Diagnostic diagnostic, CodeFixContext context)
    {
        if (await ClaimMemberSyntax.FindAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } claim)
        {
            return false;
        }

        return claim.Member is PropertyDeclarationSyntax property && property.Modifiers.Any(m => m.ValueText == "required")
            || claim.Member is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } && field.Modifiers.Any(m => m.ValueText == "required");
    }
}
