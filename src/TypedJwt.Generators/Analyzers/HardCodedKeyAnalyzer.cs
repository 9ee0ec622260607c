using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Security;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// TJ0011: key material written in the source flows into <c>JwtSigningKey.CreateHmac</c>, <c>JwtSigningKey.FromJwk</c>,
/// <c>JwtKeySet.FromJwks</c> or <c>SymmetricSecurityKey</c> (CWE-798, CWE-321). A hard-coded JWK counts only when it has
/// private members: a public key in the source verifies and cannot sign.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedKeyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardCodedKey);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownTypeSymbols.Get(start.Compilation);
            if (symbols.SigningKey is null)
            {
                // TypedJwt is not referenced: nothing to watch, not even SymmetricSecurityKey.
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            if (symbols.SymmetricSecurityKey is not null)
            {
                start.RegisterOperationAction(c => AnalyzeCreation(c, symbols.SymmetricSecurityKey), OperationKind.ObjectCreation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypeSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        bool isSigningKey = method.ContainingType.Is(symbols.SigningKey);
        bool isKeySet = method.ContainingType.Is(symbols.KeySet);
        string? parameter = (isSigningKey, isKeySet, method.Name) switch
        {
            (true, _, "CreateHmac") => "key",
            (true, _, "FromJwk") => method.Parameters[0].Name,
            (_, true, "FromJwks") => method.Parameters[0].Name,
            _ => null,
        };
        if (parameter is null)
        {
            return;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != parameter || !HardCodedKeyMaterial.TryGet(argument.Value, out _, out string? text))
            {
                continue;
            }

            // A JWK is a secret only when it has private members; one whose text is not known here is not reported.
            if (method.Name != "CreateHmac" && (text is null || !JsonWebKeyText.HasPrivateMembers(text)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardCodedKey, argument.Value.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name));
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol symmetricSecurityKey)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, symmetricSecurityKey) || creation.Arguments.Length == 0)
        {
            return;
        }

        IOperation key = creation.Arguments[0].Value;
        if (HardCodedKeyMaterial.TryGet(key, out _, out _))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardCodedKey, key.Syntax.GetLocation(), "SymmetricSecurityKey"));
        }
    }
}
