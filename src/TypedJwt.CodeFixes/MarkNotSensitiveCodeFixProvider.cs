using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Sensitivity;
using TypedJwt.Generators.Symbols;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TypedJwt.CodeFixes;

/// <summary>
/// TJ0001/TJ0002/TJ0019: marks the claim member (for TJ0019, the one the value is written to, wherever it is declared) <c>[NotSensitive(Justification = "Why may anyone holding the token read this claim?")]</c>
/// (<see cref="Justification.Placeholder"/>). The placeholder asks the question; TJ0010 points at it until the reason is
/// written (Roslyn 4.8 has no public way for a fix to place the caret), and the fix never writes an empty justification.
/// A positional record parameter gets <c>[property: ...]</c>, since the attribute applies to properties and fields.
/// Registered second by <see cref="SensitiveClaimCodeFixProvider"/>, after the payload is offered encryption, and last by
/// <see cref="SensitiveFlowCodeFixProvider"/>, after removing the write: it keeps the value in the token.
/// </summary>
public sealed class MarkNotSensitiveCodeFixProvider : CodeFixProvider
{
    private const string Title = "Mark the claim [NotSensitive] with a justification";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.SecretClaimNotEncrypted, RuleIdentifiers.PersonalDataClaimNotEncrypted, RuleIdentifiers.SensitiveValueInReadableClaim);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await ClaimMemberSyntax.FindAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } claim)
            {
                continue;
            }

            // A field declaration with several variables would mark them all; that is not this claim's decision alone.
            if (claim.Member is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: > 1 } })
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => MarkAsync(claim.Document, claim.Root, claim.Member, ct), equivalenceKey: nameof(MarkNotSensitiveCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> MarkAsync(Document document, SyntaxNode root, SyntaxNode member, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        bool imported = model?.LookupNamespacesAndTypes(member.SpanStart, name: nameof(NotSensitiveAttribute))
            .Any(s => s.ToDisplayString() == KnownTypeSymbols.NotSensitiveAttributeName) == true;
        AttributeSyntax attribute = Attribute(
            ParseName(imported ? "NotSensitive" : KnownTypeSymbols.Namespace + ".NotSensitive"),
            AttributeArgumentList(SingletonSeparatedList(AttributeArgument(
                NameEquals(IdentifierName(nameof(NotSensitiveAttribute.Justification))),
                null,
                LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Justification.Placeholder))))));

        SyntaxNode target = member is VariableDeclaratorSyntax declarator ? declarator.Parent!.Parent! : member;
        AttributeListSyntax list = member is ParameterSyntax
            ? AttributeList(AttributeTargetSpecifier(Token(SyntaxKind.PropertyKeyword)), SingletonSeparatedList(attribute))
            : AttributeList(SingletonSeparatedList(attribute));
        list = list.WithTrailingTrivia(Space);

        SyntaxNode marked = target switch
        {
            PropertyDeclarationSyntax property => property.WithoutLeadingTrivia().WithAttributeLists(property.AttributeLists.Insert(0, list)),
            FieldDeclarationSyntax field => field.WithoutLeadingTrivia().WithAttributeLists(field.AttributeLists.Insert(0, list)),
            ParameterSyntax parameter => parameter.WithoutLeadingTrivia().WithAttributeLists(parameter.AttributeLists.Insert(0, list)),
            _ => target,
        };

        // The member's indentation and comments move in front of the new attribute list.
        return document.WithSyntaxRoot(root.ReplaceNode(target, marked.WithLeadingTrivia(target.GetLeadingTrivia())));
    }
}
