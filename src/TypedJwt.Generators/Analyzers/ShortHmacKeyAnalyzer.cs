using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Security;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// TJ0012: <c>JwtSigningKey.CreateHmac</c> called with a constant algorithm and a hard-coded key shorter than that
/// algorithm's hash output (RFC 7518 §3.2). The runtime refuses such a key when it is created; this says so at compile time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShortHmacKeyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HmacKeyTooShort);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            KeyFactorySymbols? symbols = KeyFactorySymbols.Resolve(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, symbols.SigningKey), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol signingKey)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "CreateHmac" || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, signingKey))
        {
            return;
        }

        IArgumentOperation? algorithm = null;
        IArgumentOperation? key = null;
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "algorithm":
                    algorithm = argument;
                    break;
                case "key":
                    key = argument;
                    break;
            }
        }

        // JwsAlgorithm.HS256 = 1, HS384 = 2, HS512 = 3: the hash output is 32, 48 or 64 bytes.
        if (algorithm?.Value.ConstantValue is not { HasValue: true, Value: int value } || value is < 1 or > 3 || key is null)
        {
            return;
        }

        int required = 16 + (16 * value);
        if (HardCodedKeyMaterial.TryGet(key.Value, out int length, out _) && length >= 0 && length < required)
        {
            string name = "HS" + (required * 8);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HmacKeyTooShort, key.Value.Syntax.GetLocation(), name, length, required));
        }
    }
}
