using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Sensitivity;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// TJ0010: <c>[NotSensitive]</c> without a justification. The mark silences TJ0001/TJ0002, so the reason is what a reviewer
/// reads instead of the warning; an empty one, or one that is still the question the "mark not sensitive" fixes insert
/// (<see cref="Justification.Placeholder"/>), is reported until written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotSensitiveJustificationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotSensitiveWithoutJustification);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? notSensitive = KnownTypeSymbols.Get(start.Compilation).NotSensitiveAttribute;
            if (notSensitive is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, notSensitive), SymbolKind.Property, SymbolKind.Field);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol notSensitive)
    {
        foreach (AttributeData attribute in context.Symbol.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, notSensitive) || HasJustification(attribute))
            {
                continue;
            }

            Location location = attribute.ApplicationSyntaxReference is { } reference
                ? Location.Create(reference.SyntaxTree, reference.Span)
                : context.Symbol.Locations[0];
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotSensitiveWithoutJustification, location, context.Symbol.Name));
        }
    }

    private static bool HasJustification(AttributeData attribute)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == nameof(NotSensitiveAttribute.Justification) && Justification.IsWritten(argument.Value.Value as string))
            {
                return true;
            }
        }

        return false;
    }
}
