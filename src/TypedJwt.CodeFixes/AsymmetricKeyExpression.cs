using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Security;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.CodeFixes;

/// <summary>
/// Tells, from the source alone, whether a key passed to a TypedJwt API is RSA or EC: made by <c>JwtSigningKey.FromRsa</c> or
/// <c>FromECDsa</c>, <c>JwtEncryptionKey.FromRsa</c> or <c>FromECDiffieHellman</c>, or read from a JWK or JWK Set written in the
/// source with <c>kty</c> RSA, EC or OKP; a key set, array or collection counts when one of its keys does. Locals, read-only
/// fields, properties and methods that return a key are followed to their initializer or <c>return</c>, in any document of
/// the solution. A key the source does not show (a parameter, an injected service, configuration) is not known to be
/// asymmetric; callers treat that like a shared key, which is safe: <c>JweValidator</c> itself refuses RSA and EC keys.
/// </summary>
internal sealed class AsymmetricKeyExpression
{
    // Locals, fields, properties and methods are followed this many times (key = Load(); Load() => field; field = ...).
    private const int MaxHops = 4;

    private readonly Solution _solution;

    public AsymmetricKeyExpression(Solution solution) => _solution = solution;

    public Task<bool> IsAsymmetricAsync(IOperation value, CancellationToken cancellationToken) => IsAsymmetricAsync(value, MaxHops, cancellationToken);

    private async Task<bool> IsAsymmetricAsync(IOperation? value, int hops, CancellationToken cancellationToken)
    {
        value = Unwrap(value);
        switch (value)
        {
            case null:
                return false;
            case IInvocationOperation invocation:
                return await IsAsymmetricInvocationAsync(invocation, hops, cancellationToken).ConfigureAwait(false);
            case IObjectCreationOperation creation when IsTypedJwt(creation.Type, "JwtKeySet"):
                return await AnyAsync(creation.Arguments.Select(a => a.Value), hops, cancellationToken).ConfigureAwait(false);
            case IArrayCreationOperation { Initializer: { } initializer }:
                return await AnyAsync(initializer.ElementValues, hops, cancellationToken).ConfigureAwait(false);
            case IConditionalOperation conditional:
                return await AnyAsync([conditional.WhenTrue, conditional.WhenFalse], hops, cancellationToken).ConfigureAwait(false);
            case ICoalesceOperation coalesce:
                return await AnyAsync([coalesce.Value, coalesce.WhenNull], hops, cancellationToken).ConfigureAwait(false);
            case ILocalReferenceOperation local when hops > 0:
                return await AnyAsync(await FollowAsync(local.Local, cancellationToken).ConfigureAwait(false), hops - 1, cancellationToken).ConfigureAwait(false);
            case IFieldReferenceOperation { Field.IsReadOnly: true } field when hops > 0:
                return await AnyAsync(await FollowAsync(field.Field, cancellationToken).ConfigureAwait(false), hops - 1, cancellationToken).ConfigureAwait(false);
            case IPropertyReferenceOperation property when hops > 0:
                return await AnyAsync(await FollowAsync(property.Property, cancellationToken).ConfigureAwait(false), hops - 1, cancellationToken).ConfigureAwait(false);
        }

        // Collection expressions ([a, b]) have no operation node in the Roslyn version this assembly targets; read the syntax.
        if (value.Syntax is CollectionExpressionSyntax collection && value.SemanticModel is { } model)
        {
            IEnumerable<IOperation?> elements = collection.Elements.OfType<ExpressionElementSyntax>().Select(e => model.GetOperation(e.Expression, cancellationToken));
            return await AnyAsync(elements, hops, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<bool> IsAsymmetricInvocationAsync(IInvocationOperation invocation, int hops, CancellationToken cancellationToken)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method.ContainingType is not { } type || !InTypedJwt(type))
        {
            // A method of the application that returns the key: follow its return statements.
            return hops > 0
                && await AnyAsync(await FollowAsync(method, cancellationToken).ConfigureAwait(false), hops - 1, cancellationToken).ConfigureAwait(false);
        }

        switch (type.Name, method.Name)
        {
            case ("JwtSigningKey", "FromRsa" or "FromECDsa"):
            case ("JwtEncryptionKey", "FromRsa" or "FromECDiffieHellman"):
                return true;
            case ("JwtSigningKey" or "JwtEncryptionKey", "FromJwk"):
            case ("JwtKeySet", "FromJwks"):
                return invocation.Arguments.Length > 0
                    && await ConstantTextAsync(invocation.Arguments[0].Value, hops, cancellationToken).ConfigureAwait(false) is { } json
                    && JsonWebKeyText.HasAsymmetricKey(json);
            default:
                return false;
        }
    }

    private async Task<string?> ConstantTextAsync(IOperation? value, int hops, CancellationToken cancellationToken)
    {
        value = Unwrap(value);
        ISymbol? followed;
        switch (value)
        {
            case { ConstantValue: { HasValue: true, Value: string text } }:
                return text;
            case IUtf8StringOperation utf8:
                return utf8.Value;
            case ILocalReferenceOperation local when hops > 0:
                followed = local.Local;
                break;
            case IFieldReferenceOperation { Field.IsReadOnly: true } field when hops > 0:
                followed = field.Field;
                break;
            default:
                return null;
        }

        foreach (IOperation initializer in await FollowAsync(followed, cancellationToken).ConfigureAwait(false))
        {
            if (await ConstantTextAsync(initializer, hops - 1, cancellationToken).ConfigureAwait(false) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private async Task<bool> AnyAsync(IEnumerable<IOperation?> values, int hops, CancellationToken cancellationToken)
    {
        foreach (IOperation? value in values)
        {
            if (await IsAsymmetricAsync(value, hops, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The expressions that give <paramref name="symbol"/> its value in source: an initializer, an expression body, the returned expressions.</summary>
    private async Task<IReadOnlyList<IOperation>> FollowAsync(ISymbol symbol, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            SyntaxNode declaration = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            ExpressionSyntax?[] expressions = declaration switch
            {
                VariableDeclaratorSyntax variable => [variable.Initializer?.Value],
                PropertyDeclarationSyntax property =>
                [
                    property.Initializer?.Value,
                    property.ExpressionBody?.Expression,
                    .. Getter(property.AccessorList),
                ],
                BaseMethodDeclarationSyntax method => [method.ExpressionBody?.Expression, .. Returned(method.Body)],
                LocalFunctionStatementSyntax function => [function.ExpressionBody?.Expression, .. Returned(function.Body)],
                _ => [],
            };
            if (!expressions.Any(e => e is not null)
                || _solution.GetDocument(declaration.SyntaxTree) is not { } document
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            foreach (ExpressionSyntax? expression in expressions)
            {
                if (expression is not null && model.GetOperation(expression, cancellationToken) is { } operation)
                {
                    values.Add(operation);
                }
            }
        }

        return values;
    }

    private static IEnumerable<ExpressionSyntax?> Getter(AccessorListSyntax? accessors) =>
        accessors?.Accessors
            .Where(a => a.Keyword.ValueText == "get")
            .SelectMany(a => Returned(a.Body).Prepend(a.ExpressionBody?.Expression))
        ?? [];

    // The return statements of the body itself, not of lambdas or local functions inside it.
    private static IEnumerable<ExpressionSyntax?> Returned(BlockSyntax? body) =>
        body?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Select(r => r.Expression)
        ?? [];

    private static IOperation? Unwrap(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static bool IsTypedJwt(ITypeSymbol? type, string name) => type is not null && type.Name == name && InTypedJwt(type);

    private static bool InTypedJwt(ITypeSymbol type)
        => type.ContainingNamespace is { ContainingNamespace.IsGlobalNamespace: true } ns && ns.Name == KnownTypeSymbols.Namespace;
}
