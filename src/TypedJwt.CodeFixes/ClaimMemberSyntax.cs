using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedJwt.CodeFixes;

/// <summary>
/// Finds the declaration a TJ0001/TJ0002 diagnostic points at: the analyzer reports at the member's identifier, which
/// belongs to a property, a field's variable declarator, or a positional record parameter.
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
}
