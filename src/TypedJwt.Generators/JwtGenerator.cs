using System.Threading;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Emit;
using TypedJwt.Generators.Model;
using TypedJwt.Generators.Naming;
using TypedJwt.Generators.Parsing;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators;

/// <summary>
/// Generates the serializer, reader and constraint validator of every <c>[JwtPayload]</c> and <c>[JwtHeader]</c> type.
/// Reports nothing: <see cref="JwtClaimSetAnalyzer"/> runs the same parser and reports; a type the parser rejects is skipped.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class JwtGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Selected down to one enum value: the compiler hands the generator new options objects often, and a value that stays the
        // same must leave every step after this one cached. An invalid value is SnakeCaseLower here; TJ0017 reports it.
        IncrementalValueProvider<JwtNamingPolicy> defaultNamingPolicy = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => NamingPolicyOption.Read(options.GlobalOptions).Policy)
            .WithTrackingName(TrackingNames.DefaultNamingPolicy);

        IncrementalValuesProvider<ClaimSetDraft?> payloadDrafts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeSymbols.PayloadAttributeName,
                static (node, _) => true,
                static (context, cancellationToken) => Parse(context, isHeader: false, cancellationToken))
            .WithTrackingName(TrackingNames.PayloadDrafts);

        IncrementalValuesProvider<ClaimSetDraft?> headerDrafts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeSymbols.HeaderAttributeName,
                static (node, _) => true,
                static (context, cancellationToken) => Parse(context, isHeader: true, cancellationToken))
            .WithTrackingName(TrackingNames.HeaderDrafts);

        IncrementalValuesProvider<ClaimSetSpec> payloads = Resolve(
            payloadDrafts, defaultNamingPolicy, TrackingNames.PayloadDraftsWithNamingPolicy, TrackingNames.ResolvedPayloadSpecs, TrackingNames.ValidPayloadSpecs);
        IncrementalValuesProvider<ClaimSetSpec> headers = Resolve(
            headerDrafts, defaultNamingPolicy, TrackingNames.HeaderDraftsWithNamingPolicy, TrackingNames.ResolvedHeaderSpecs, TrackingNames.ValidHeaderSpecs);

        context.RegisterSourceOutput(payloads, static (context, spec) => context.AddSource(spec.HintName, ClaimSetEmitter.Emit(spec)));
        context.RegisterSourceOutput(headers, static (context, spec) => context.AddSource(spec.HintName, ClaimSetEmitter.Emit(spec)));
    }

    private static ClaimSetDraft? Parse(GeneratorAttributeSyntaxContext context, bool isHeader, CancellationToken cancellationToken)
        => context.TargetSymbol is INamedTypeSymbol type && context.Attributes.Length > 0
            ? ClaimSetParser.Parse(type, context.Attributes[0], isHeader, cancellationToken)
            : null;

    // The options are not visible to ForAttributeWithMetadataName's transform, so claims are named here, after the drafts
    // meet the project's default policy; a draft whose names fail a check (TJ0005-TJ0008) gets no output.
    private static IncrementalValuesProvider<ClaimSetSpec> Resolve(
        IncrementalValuesProvider<ClaimSetDraft?> drafts,
        IncrementalValueProvider<JwtNamingPolicy> defaultNamingPolicy,
        string combinedStep,
        string resolvedStep,
        string validStep)
        => drafts
            .Combine(defaultNamingPolicy)
            .WithTrackingName(combinedStep)
            .Select(static (pair, _) => pair.Left is null ? null : ClaimNameResolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(resolvedStep)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(validStep);
}
