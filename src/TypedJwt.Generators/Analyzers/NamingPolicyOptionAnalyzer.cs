using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Naming;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// TJ0017: the <c>TypedJwtNamingPolicy</c> MSBuild property names no policy. The value belongs to the project, not to a file,
/// so it is reported once per compilation without a location; the generator meanwhile names claims in snake_case.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NamingPolicyOptionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidNamingPolicyOption);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(static compilationContext =>
        {
            if (!KnownTypeSymbols.Get(compilationContext.Compilation).ReferencesTypedJwt)
            {
                // TypedJwt is not referenced: the property means nothing to this project.
                return;
            }

            NamingPolicyOption option = NamingPolicyOption.Read(compilationContext.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            if (option.InvalidValue is { } value)
            {
                compilationContext.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidNamingPolicyOption, Location.None, value, NamingPolicyOption.AcceptedValues));
            }
        });
    }
}
