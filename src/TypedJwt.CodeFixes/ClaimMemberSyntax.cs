using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedJwt.Generators.Diagnostics;

namespace TypedJwt.CodeFixes;

/// <summary>
/// Finds the declaration a diagnostic is about: TJ0001/TJ0002 report at the member's identifier, which belongs to a
/// property, a field's variable declarator, or a positional record parameter; TJ0019 reports where a value is written and
/// carries the claim member's identifier as its additional location, possibly in another document.
/// </summary>
internal static class ClaimMemberSyntax
{
    public static SyntaxNode? Find(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        for (SyntaxNode? node = root.FindToken(span.Start).Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case PropertyDeclarationSyntax:
                case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax }:
                case ParameterSyntax { Parent.Parent: RecordDeclarationSyntax }:
                    return node;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The claim member's document, that document's root, and the member's declaration; null when it is not in source.</summary>
    public static async Task<(Document Document, SyntaxNode Root, SyntaxNode Member)?> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        Location? location = diagnostic.Id == RuleIdentifiers.SensitiveValueInReadableClaim
            ? diagnostic.AdditionalLocations.FirstOrDefault()
            : diagnostic.Location;
        if (location?.SourceTree is not { } tree)
        {
            return null;
        }

        Document? target = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) == tree
            ? document
            : document.Project.Solution.GetDocument(tree);
        if (target is null || await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root || Find(root, location.SourceSpan) is not { } member)
        {
            return null;
        }

        return (target, root, member);
    }
}
