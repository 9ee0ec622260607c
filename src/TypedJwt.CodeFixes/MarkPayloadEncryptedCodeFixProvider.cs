using System;
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
using TypedJwt.Generators.Symbols;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TypedJwt.CodeFixes;

/// <summary>
/// TJ0001/TJ0002/TJ0019: sets <c>Encrypted = true</c> on the payload's <c>[JwtPayload]</c> attribute, wherever that partial
/// declaration is. Offered only for payloads: a header is never encrypted. The edit is the same for both JWE forms, but the
/// APIs to pair it with are not: with RSA or EC keys a plain JWE authenticates no sender, so the payload must be signed, then
/// encrypted. The title names the pair that fits the keys the solution already uses with this payload
/// (<see cref="EncryptionFormFinder"/>); the equivalence key is the same for both, so Fix All applies either.
/// Registered first by <see cref="SensitiveClaimCodeFixProvider"/> and <see cref="SensitiveFlowCodeFixProvider"/>, which are
/// what the IDE and <c>dotnet format</c> load. For TJ0019 the payload is the one that declares the claim written to.
/// </summary>
public sealed class MarkPayloadEncryptedCodeFixProvider : CodeFixProvider
{
    internal const string SharedKeyTitle = "Mark the payload Encrypted = true (JweWriter.Write + JweValidator with a shared key)";

    internal const string SignThenEncryptTitle = "Mark the payload Encrypted = true (sign then encrypt: JweWriter.WriteNested + NestedJwtValidator)";

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
            if (!diagnostic.Properties.ContainsKey(SensitiveClaimAnalyzer.CanEncryptProperty)
                || await ClaimMemberSyntax.FindAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } claim
                || await PayloadAsync(claim.Document, claim.Member, context.CancellationToken).ConfigureAwait(false) is not { } payload)
            {
                continue;
            }

            string title = await FormAsync(claim.Document, payload, context.CancellationToken).ConfigureAwait(false) == EncryptionForm.SignThenEncrypt
                ? SignThenEncryptTitle
                : SharedKeyTitle;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => MarkEncryptedAsync(context.Document, payload, ct), equivalenceKey: nameof(MarkPayloadEncryptedCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<INamedTypeSymbol?> PayloadAsync(Document document, SyntaxNode member, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetDeclaredSymbol(member, cancellationToken) switch
        {
            IParameterSymbol parameter => parameter.ContainingType,
            ISymbol symbol => symbol.ContainingType,
            _ => null,
        };
    }

    private static async Task<EncryptionForm> FormAsync(Document document, INamedTypeSymbol payload, CancellationToken cancellationToken)
    {
        try
        {
            return await EncryptionFormFinder.FindAsync(document, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The title is advice. A failed search must not cost the fix itself: the IDE disables a provider that throws.
            return EncryptionForm.SharedKey;
        }
    }

    private static async Task<Solution> MarkEncryptedAsync(Document document, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        Solution solution = document.Project.Solution;
        AttributeData? payload = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownTypeSymbols.PayloadAttributeName);
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
        AttributeArgumentSyntax? existing = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == nameof(JwtPayloadAttribute.Encrypted));
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing.Expression, @true.WithTriviaFrom(existing.Expression));
        }

        AttributeArgumentSyntax encrypted = AttributeArgument(NameEquals(IdentifierName(nameof(JwtPayloadAttribute.Encrypted))), null, @true);
        return attribute.WithArgumentList(arguments.WithArguments(arguments.Arguments.Add(encrypted)));
    }
}
