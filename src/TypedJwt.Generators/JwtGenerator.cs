using System.Threading;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Emit;
using TypedJwt.Generators.Model;
using TypedJwt.Generators.Naming;
using TypedJwt.Generators.Parsing;

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
        IncrementalValuesProvider<ClaimSetSpec> payloads = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ClaimSetParser.PayloadAttributeName,
                static (node, _) => true,
                static (context, cancellationToken) => Parse(context, isHeader: false, cancellationToken))
            .WithTrackingName(TrackingNames.PayloadDrafts)
            .Select(static (draft, _) => draft is null ? null : ClaimNameResolver.Resolve(draft, ClaimNaming.SnakeCaseLower))
            .WithTrackingName(TrackingNames.ResolvedPayloadSpecs)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidPayloadSpecs);

        IncrementalValuesProvider<ClaimSetSpec> headers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ClaimSetParser.HeaderAttributeName,
                static (node, _) => true,
                static (context, cancellationToken) => Parse(context, isHeader: true, cancellationToken))
            .WithTrackingName(TrackingNames.HeaderDrafts)
            .Select(static (draft, _) => draft is null ? null : ClaimNameResolver.Resolve(draft, ClaimNaming.SnakeCaseLower))
            .WithTrackingName(TrackingNames.ResolvedHeaderSpecs)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidHeaderSpecs);

        context.RegisterSourceOutput(payloads, static (context, spec) => context.AddSource(spec.HintName, ClaimSetEmitter.Emit(spec)));
        context.RegisterSourceOutput(headers, static (context, spec) => context.AddSource(spec.HintName, ClaimSetEmitter.Emit(spec)));
    }

    private static ClaimSetDraft? Parse(GeneratorAttributeSyntaxContext context, bool isHeader, CancellationToken cancellationToken)
        => context.TargetSymbol is INamedTypeSymbol type && context.Attributes.Length > 0
            ? ClaimSetParser.Parse(type, context.Attributes[0], isHeader, cancellationToken)
            : null;
}
