using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Security;
using TypedJwt.Generators.Symbols;

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
            if (KnownTypeSymbols.Get(start.Compilation).SigningKey is not { } signingKey)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, signingKey), OperationKind.Invocation);
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

        // The enum and the size table are the runtime's own files, compiled into this assembly: the factory refuses exactly
        // the keys reported here. A constant the enum does not declare is the factory's ArgumentException, not this rule.
        if (algorithm?.Value.ConstantValue is not { HasValue: true, Value: int value }
            || !Enum.IsDefined(typeof(JwsAlgorithm), value)
            || !JwsAlgorithmParameters.IsSymmetric((JwsAlgorithm)value)
            || key is null)
        {
            return;
        }

        int required = JwsAlgorithmParameters.GetHashSize((JwsAlgorithm)value);
        if (HardCodedKeyMaterial.TryGet(key.Value, out int length, out _) && length >= 0 && length < required)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HmacKeyTooShort, key.Value.Syntax.GetLocation(), ((JwsAlgorithm)value).ToString(), length, required));
        }
    }
}
