using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedJwt.Generators.Analyzers;
using TypedJwt.Generators.Diagnostics;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TypedJwt.CodeFixes;

/// <summary>
/// TJ0001/TJ0002: sets <c>Encrypted = true</c> on the payload's <c>[JwtPayload]</c> attribute, wherever that partial
/// declaration is. Offered only for payloads: a header is never encrypted. Registered first by
/// <see cref="SensitiveClaimCodeFixProvider"/>, which is what the IDE and <c>dotnet format</c> load.
/// </summary>
public sealed class MarkPayloadEncryptedCodeFixProvider : CodeFixProvider
{
    private const string Title = "Mark the payload Encrypted = true";

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
            if (!diagnostic.Properties.ContainsKey(SensitiveClaimAnalyzer.CanEncryptProperty) || root is null || ClaimMemberSyntax.Find(root, diagnostic.Location.SourceSpan) is not { } member)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => MarkEncryptedAsync(context.Document, member, ct), equivalenceKey: nameof(MarkPayloadEncryptedCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Solution> MarkEncryptedAsync(Document document, SyntaxNode member, CancellationToken cancellationToken)
    {
        Solution solution = document.Project.Solution;
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        INamedTypeSymbol? type = model?.GetDeclaredSymbol(member, cancellationToken) switch
        {
            IParameterSymbol parameter => parameter.ContainingType,
            ISymbol symbol => symbol.ContainingType,
            _ => null,
        };
        AttributeData? payload = type?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "TypedJwt.JwtPayloadAttribute");
        if (payload?.ApplicationSyntaxReference is not { } reference
            || solution.GetDocument(reference.SyntaxTree) is not { } attributeDocument
            || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not AttributeSyntax attribute)
        {
            return solution;
        }

        SyntaxNode attributeRoot = await attributeDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) ?? attribute.SyntaxTree.GetRoot(cancellationToken);
        return solution.WithDocumentSyntaxRoot(attributeDocument.Id, attributeRoot.ReplaceNode(attribute, WithEncrypted(attribute)));
    }

    private static AttributeSyntax WithEncrypted(AttributeSyntax attribute)
    {
        ExpressionSyntax @true = LiteralExpression(SyntaxKind.TrueLiteralExpression);
        AttributeArgumentListSyntax arguments = attribute.ArgumentList ?? AttributeArgumentList();
        AttributeArgumentSyntax? existing = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Encrypted");
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing.Expression, @true.WithTriviaFrom(existing.Expression));
        }

        AttributeArgumentSyntax encrypted = AttributeArgument(NameEquals(IdentifierName("Encrypted")), null, @true);
        return attribute.WithArgumentList(arguments.WithArguments(arguments.Arguments.Add(encrypted)));
    }
}
