using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Naming;
using TypedJwt.Generators.Parsing;
using TypedJwt.Generators.Sensitivity;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// TJ0001 and TJ0002: a secret or personal-data claim in a token anyone can read. The two rules are one analysis (the
/// vocabulary decides the category), so they share this file. A payload with <c>Encrypted = true</c> is never reported;
/// a <c>[JwtHeader]</c> type always is, because even a JWE's protected header is readable.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveClaimAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the claim's type is a payload that the "mark Encrypted" fix can change.</summary>
    public const string CanEncryptProperty = "TypedJwt.CanEncrypt";

    private static readonly ImmutableDictionary<string, string?> Encryptable = ImmutableDictionary<string, string?>.Empty.Add(CanEncryptProperty, "true");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SecretClaimNotEncrypted,
        DiagnosticDescriptors.PersonalDataClaimNotEncrypted);

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
                return;
            }

            var vocabularies = new VocabularyCache();
            // The messages name the claim and its words are matched, so it is named as the generator names it.
            JwtNamingPolicy defaultNamingPolicy = NamingPolicyOption.Read(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions).Policy;
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols, vocabularies, defaultNamingPolicy), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownTypeSymbols symbols, VocabularyCache vocabularies, JwtNamingPolicy defaultNamingPolicy)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AttributeData? attribute = symbols.ClaimSetAttribute(type, out bool isHeader);
        if (attribute is null || (!isHeader && IsEncrypted(attribute)))
        {
            return;
        }

        string container = isHeader
            ? $"header '{type.Name}' is readable even in an encrypted token"
            : $"payload '{type.Name}' is not Encrypted";
        // Options are per file; the members of one type are nearly always in one file, so they are read once per file seen.
        SyntaxTree? optionsTree = null;
        Vocabulary vocabulary = Vocabulary.Default;
        JwtNamingPolicy namingPolicy = ClaimSetParser.NamingPolicy(attribute, defaultNamingPolicy);
        foreach (ClaimMember member in ClaimSetParser.Members(type, context.CancellationToken))
        {
            string claimName = member.ClaimName(namingPolicy);
            if (claimName.Length == 0 || member.Location is not { IsInSource: true, SourceTree: { } tree } location)
            {
                continue;
            }

            if (tree != optionsTree)
            {
                optionsTree = tree;
                vocabulary = vocabularies.Get(SensitivityOptions.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree)));
            }

            SensitiveFinding? finding = ClaimSensitivity.Classify(member, claimName, defaultNamingPolicy, symbols, vocabulary, context.CancellationToken);
            if (finding is null)
            {
                continue;
            }

            DiagnosticDescriptor descriptor = finding.Category == SensitiveCategory.Secret
                ? DiagnosticDescriptors.SecretClaimNotEncrypted
                : DiagnosticDescriptors.PersonalDataClaimNotEncrypted;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, isHeader ? null : Encryptable, claimName, finding.Describe(), container));
        }
    }

    private static bool IsEncrypted(AttributeData attribute)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == nameof(JwtPayloadAttribute.Encrypted) && argument.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }
}
