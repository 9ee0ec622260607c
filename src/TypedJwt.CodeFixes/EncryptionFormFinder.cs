using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.CodeFixes;

/// <summary>
/// Chooses the <see cref="EncryptionForm"/> to suggest for a payload type from where the solution already signs, encrypts or
/// validates it: calls of <c>JwsWriter.Write</c>/<c>TryWrite</c> and <c>JweWriter</c>'s methods, and <c>new</c>
/// <c>JwtValidator&lt;T&gt;</c>, <c>JweValidator&lt;T&gt;</c> or <c>NestedJwtValidator&lt;T&gt;</c>, with the payload as
/// <c>T</c>. Sign-then-encrypt when one of them is already the nested form or takes an RSA or EC key
/// (<see cref="AsymmetricKeyExpression"/>); a shared key otherwise. Only the payload's project and the projects that
/// depend on it are searched, since no other can name the type.
/// </summary>
internal static class EncryptionFormFinder
{
    // Matched by name, not symbol: a use in another project sees the same type as a different symbol.
    private static readonly string[] Writers = ["JwsWriter", "JweWriter"];

    private static readonly string[] Validators = ["JwtValidator`1", "JweValidator`1", "NestedJwtValidator`1"];

    private static readonly string[] Keys = ["JwtSigningKey", "JwtKeySet", "JwtEncryptionKey"];

    // Fix All asks for the fix of every diagnostic, and the light bulb again on each opening: one search per payload type per
    // solution snapshot is enough. A solution is immutable, so its answers never go stale; an edit makes a new one.
    private static readonly ConditionalWeakTable<Solution, ConcurrentDictionary<string, EncryptionForm>> Answers = new();

    public static async Task<EncryptionForm> FindAsync(Document document, INamedTypeSymbol payload, CancellationToken cancellationToken)
    {
        Solution solution = document.Project.Solution;
        string payloadName = NameOf(payload);
        ConcurrentDictionary<string, EncryptionForm> answers = Answers.GetValue(solution, static _ => new ConcurrentDictionary<string, EncryptionForm>(StringComparer.Ordinal));
        if (!answers.TryGetValue(payloadName, out EncryptionForm form))
        {
            form = await SearchAsync(document.Project, payloadName, cancellationToken).ConfigureAwait(false);
            answers.TryAdd(payloadName, form);
        }

        return form;
    }

    private static async Task<EncryptionForm> SearchAsync(Project project, string payloadName, CancellationToken cancellationToken)
    {
        if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return EncryptionForm.SharedKey;
        }

        Solution solution = project.Solution;
        IImmutableSet<Document> scope = ImmutableHashSet.CreateRange(
            solution.GetProjectDependencyGraph().GetProjectsThatTransitivelyDependOnThisProject(project.Id)
                .Append(project.Id)
                .SelectMany(id => solution.GetProject(id)?.Documents ?? []));
        var keys = new AsymmetricKeyExpression(solution);
        foreach (ISymbol api in Apis(compilation))
        {
            foreach (ReferencedSymbol referenced in await SymbolFinder.FindReferencesAsync(api, solution, scope, cancellationToken).ConfigureAwait(false))
            {
                foreach (ReferenceLocation location in referenced.Locations)
                {
                    if (await UseAtAsync(location, cancellationToken).ConfigureAwait(false) is { } use
                        && await IsSignThenEncryptAsync(use, payloadName, keys, cancellationToken).ConfigureAwait(false))
                    {
                        return EncryptionForm.SignThenEncrypt;
                    }
                }
            }
        }

        return EncryptionForm.SharedKey;
    }

    /// <summary>Every public generic method of the writers (their first type parameter is the payload) and every public constructor of the validators.</summary>
    private static IEnumerable<ISymbol> Apis(Compilation compilation)
    {
        KnownTypeSymbols symbols = KnownTypeSymbols.Get(compilation);
        foreach (INamedTypeSymbol? writer in new[] { symbols.JwsWriter, symbols.JweWriter })
        {
            if (writer is { } type)
            {
                foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
                {
                    if (method is { MethodKind: MethodKind.Ordinary, IsGenericMethod: true, DeclaredAccessibility: Accessibility.Public })
                    {
                        yield return method;
                    }
                }
            }
        }

        foreach (INamedTypeSymbol? validator in new[] { symbols.JwtValidator, symbols.JweValidator, symbols.NestedJwtValidator })
        {
            if (validator is { } type)
            {
                foreach (IMethodSymbol constructor in type.InstanceConstructors)
                {
                    if (constructor.DeclaredAccessibility == Accessibility.Public)
                    {
                        yield return constructor;
                    }
                }
            }
        }
    }

    /// <summary>The call or creation a reference names: the nearest one around it, within its statement.</summary>
    private static async Task<IOperation?> UseAtAsync(ReferenceLocation location, CancellationToken cancellationToken)
    {
        if (!location.Location.IsInSource
            || await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return null;
        }

        for (SyntaxNode? node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            switch (node)
            {
                case InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax:
                    return model.GetOperation(node, cancellationToken);
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static async Task<bool> IsSignThenEncryptAsync(IOperation use, string payloadName, AsymmetricKeyExpression keys, CancellationToken cancellationToken)
    {
        ITypeSymbol payload;
        bool nested;
        ImmutableArray<IArgumentOperation> arguments;
        switch (use)
        {
            case IInvocationOperation { TargetMethod: { IsGenericMethod: true, ContainingType: { } writer } method } invocation when IsTypedJwt(writer, Writers):
                payload = method.TypeArguments[0];
                nested = method.Name is "WriteNested" or "TryWriteNested";
                arguments = invocation.Arguments;
                break;
            case IObjectCreationOperation { Type: INamedTypeSymbol { TypeArguments.Length: 1 } validator } creation when IsTypedJwt(validator, Validators):
                payload = validator.TypeArguments[0];
                nested = validator.Name == "NestedJwtValidator";
                arguments = creation.Arguments;
                break;
            default:
                return false;
        }

        if (NameOf(payload) != payloadName)
        {
            return false;
        }

        if (nested)
        {
            return true;
        }

        foreach (IArgumentOperation argument in arguments)
        {
            if (IsKey(argument.Parameter?.Type) && await keys.IsAsymmetricAsync(argument.Value, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    // JwtSigningKey, JwtKeySet, JwtEncryptionKey, and IEnumerable<JwtEncryptionKey>.
    private static bool IsKey(ITypeSymbol? type) =>
        type is INamedTypeSymbol named
        && (IsTypedJwt(named, Keys) || (named.TypeArguments.Length == 1 && IsTypedJwt(named.TypeArguments[0] as INamedTypeSymbol, Keys)));

    private static bool IsTypedJwt(INamedTypeSymbol? type, string[] metadataNames) =>
        type is { ContainingNamespace: { ContainingNamespace.IsGlobalNamespace: true } ns } && ns.Name == KnownTypeSymbols.Namespace && metadataNames.Contains(type.MetadataName);

    // Symbols of one type seen from two projects are different objects; the name and assembly are what they share.
    private static string NameOf(ITypeSymbol type) =>
        type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ", " + type.ContainingAssembly?.Name;
}
