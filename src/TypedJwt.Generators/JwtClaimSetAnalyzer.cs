using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Naming;
using TypedJwt.Generators.Parsing;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators;

/// <summary>
/// Reports why a <c>[JwtPayload]</c> or <c>[JwtHeader]</c> type gets no generated code, by running the generator's own parser
/// (the Regex generator's arrangement): diagnostics carry real source locations, so <c>#pragma</c> and <c>.editorconfig</c> work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JwtClaimSetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TypeMustBePartial,
        DiagnosticDescriptors.UnsupportedClaimType,
        DiagnosticDescriptors.DuplicateClaimName,
        DiagnosticDescriptors.RegisteredClaimWrongType,
        DiagnosticDescriptors.ReservedHeaderParameter,
        DiagnosticDescriptors.InvalidClaimName,
        DiagnosticDescriptors.UnsupportedTypeShape,
        DiagnosticDescriptors.RevocableWithoutTokenId);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownTypeSymbols.Get(start.Compilation);
            if (!symbols.ReferencesTypedJwt)
            {
                // TypedJwt is not referenced: nothing to analyze.
                return;
            }

            // Claim names, and so TJ0005-TJ0008, depend on the project's default naming policy, exactly as the generator applies it.
            JwtNamingPolicy defaultNamingPolicy = NamingPolicyOption.Read(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions).Policy;
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols, defaultNamingPolicy), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownTypeSymbols symbols, JwtNamingPolicy defaultNamingPolicy)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.ClaimSetAttribute(type, out bool isHeader) is not { } attribute)
        {
            return;
        }

        var diagnostics = new List<Diagnostic>();
        ClaimSetParser.Report(type, attribute, isHeader, defaultNamingPolicy, diagnostics, context.CancellationToken);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
