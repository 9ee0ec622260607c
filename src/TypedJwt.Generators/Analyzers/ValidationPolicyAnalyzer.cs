using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Security;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// TJ0013-TJ0016 and TJ0018: a <c>JwtValidationPolicy</c> initializer that weakens validation with a constant: <c>exp</c> not
/// required, issuer or audience not checked, leeway above 5 minutes, encrypted tokens accepted from any sender. Each is a
/// deliberate opt-in in the API, so each has its own ID to suppress with a justification where the choice is right; a value
/// computed at run time is not reported. The rules read the same initializer (of a <c>new</c> or a <c>with</c> expression), so
/// they share one file and one pass.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValidationPolicyAnalyzer : DiagnosticAnalyzer
{
    private static readonly TimeSpan MaxLeeway = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ExpirationNotRequired,
        DiagnosticDescriptors.IssuerNotValidated,
        DiagnosticDescriptors.AudienceNotValidated,
        DiagnosticDescriptors.LeewayTooLarge,
        DiagnosticDescriptors.UnauthenticatedSendersAccepted);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? policy = KnownTypeSymbols.Get(start.Compilation).ValidationPolicy;
            if (policy is null)
            {
                return;
            }

            // A with expression sets properties through the same kind of initializer. JwtValidationPolicy is a class today, so
            // `policy with { ... }` does not compile (CS8858); the policy becoming a record must not open a way around the rules.
            start.RegisterOperationAction(c => Analyze(c, policy), OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol policy)
    {
        IObjectOrCollectionInitializerOperation? objectInitializer = context.Operation switch
        {
            IObjectCreationOperation creation => creation.Initializer,
            IWithOperation with => with.Initializer,
            _ => null,
        };
        if (objectInitializer is null || !SymbolEqualityComparer.Default.Equals(context.Operation.Type, policy))
        {
            return;
        }

        foreach (IOperation initializer in objectInitializer.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                continue;
            }

            Optional<object?> constant = assignment.Value.ConstantValue;
            Location location = assignment.Syntax.GetLocation();
            switch (property.Property.Name)
            {
                case "RequireExpirationTime" when constant is { HasValue: true, Value: false }:
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExpirationNotRequired, location));
                    break;
                case "SkipIssuerValidation" when constant is { HasValue: true, Value: true }:
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IssuerNotValidated, location));
                    break;
                case "SkipAudienceValidation" when constant is { HasValue: true, Value: true }:
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AudienceNotValidated, location));
                    break;
                case "Leeway" when TimeSpanConstant.TryEvaluate(assignment.Value, out TimeSpan leeway) && leeway > MaxLeeway:
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LeewayTooLarge, location, leeway.ToString("c", CultureInfo.InvariantCulture)));
                    break;
                case "DangerousAcceptUnauthenticatedSenders" when constant is { HasValue: true, Value: true }:
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnauthenticatedSendersAccepted, location));
                    break;
            }
        }
    }
}
