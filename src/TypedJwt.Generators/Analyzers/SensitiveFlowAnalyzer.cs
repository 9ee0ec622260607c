using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Flow;
using TypedJwt.Generators.Parsing;
using TypedJwt.Generators.Sensitivity;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// TJ0019: a sensitive value reaches a claim of a payload that is not Encrypted, whatever the claim is called
/// (<c>Nickname = user.PasswordHash</c>). Each operation block (a method, a property accessor, a field initializer) is walked once for claim writes (initializers, <c>with</c>,
/// positional arguments, assignments, claim collections); only a block that has one gets a <see cref="FlowWalker"/>,
/// which follows each written value back to a source. The sink's claim member goes with the diagnostic as an additional
/// location, for the code fixes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveFlowAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: how the value is written (<see cref="SinkKind"/>), for the "remove" fix.</summary>
    public const string SinkProperty = "TypedJwt.Sink";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SensitiveValueInReadableClaim);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownTypeSymbols.Get(start.Compilation);
            if (symbols.PayloadAttribute is null)
            {
                return;
            }

            var payloads = new PayloadClaims(symbols);
            var vocabularies = new VocabularyCache();
            start.RegisterOperationBlockAction(block => OnBlock(block, symbols, payloads, vocabularies));
        });
    }

    private static void OnBlock(OperationBlockAnalysisContext block, KnownTypeSymbols symbols, PayloadClaims payloads, VocabularyCache vocabularies)
    {
        List<Sink>? sinks = null;
        foreach (IOperation root in block.OperationBlocks)
        {
            foreach (IOperation operation in root.DescendantsAndSelf())
            {
                CollectSinks(operation, payloads, block.CancellationToken, ref sinks);
            }
        }

        // Blocks that write no claim of a readable payload (nearly all) end here, having built nothing.
        if (sinks is null)
        {
            return;
        }

        SyntaxTree tree = block.OperationBlocks[0].Syntax.SyntaxTree;
        AnalyzerConfigOptions treeOptions = block.Options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        SensitivityOptions words = SensitivityOptions.Read(treeOptions).WithPersonalWords(SourceJudge.FlowPersonalWords);
        var judge = new SourceJudge(symbols, vocabularies.Get(words), FlowOptions.Read(treeOptions));
        var walker = new FlowWalker(judge, block.OperationBlocks, block.CancellationToken);
        foreach (Sink sink in sinks)
        {
            if (walker.Trace(sink.Value) is { } value && !SourceJudge.SaysSo(value, sink.Claim.Symbol.Name, sink.Claim.ExplicitClaimName ?? ""))
            {
                block.ReportDiagnostic(Create(sink, value));
            }
        }
    }

    private static Diagnostic Create(Sink sink, SensitiveValue value)
    {
        Location? member = sink.Claim.Location;
        IEnumerable<Location>? additional = member is { IsInSource: true } ? new[] { member } : null;
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(SensitiveClaimAnalyzer.CanEncryptProperty, "true")
            .Add(SinkProperty, sink.Kind.ToString());
        return Diagnostic.Create(
            DiagnosticDescriptors.SensitiveValueInReadableClaim,
            sink.Location,
            additional,
            properties,
            value.Path($"claim '{sink.Claim.Symbol.Name}'"),
            value.Describe(),
            sink.Payload.Name);
    }

    private static void CollectSinks(IOperation operation, PayloadClaims payloads, CancellationToken cancellationToken, ref List<Sink>? sinks)
    {
        switch (operation)
        {
            // Object initializers, with expressions and assignments to a payload instance's members are all assignments.
            case IAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                when payloads.Of(target.Instance?.Type ?? target.Member.ContainingType, cancellationToken) is { } payload
                && payload.Sink(target.Member.Name) is { } claim:
                Add(ref sinks, new Sink(SinkKind.Assignment, assignment.Syntax.GetLocation(), assignment.Value, claim, payload.Type));
                break;

            // Positional record (or constructor) arguments: the claim is the member the parameter initializes.
            case IObjectCreationOperation creation when payloads.Of(creation.Type, cancellationToken) is { } payload:
                foreach (IArgumentOperation argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && payload.Sink(parameter.Name, ignoreCase: true) is { } claim)
                    {
                        Add(ref sinks, new Sink(SinkKind.Argument, argument.Syntax.GetLocation(), argument.Value, claim, payload.Type));
                    }
                }

                break;

            // Roles = { a, b } inside an initializer.
            case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation member } initializer
                when payloads.Of(member.Instance?.Type ?? member.Member.ContainingType, cancellationToken) is { } payload
                && payload.Sink(member.Member.Name) is { } claim:
                foreach (IOperation element in initializer.Initializer.Initializers)
                {
                    if (element is IInvocationOperation add)
                    {
                        AddElements(ref sinks, add, claim, payload);
                    }
                }

                break;

            // token.Roles.Add(x) on a payload instance's claim collection.
            case IInvocationOperation { IsImplicit: false, Instance: IMemberReferenceOperation member } call
                when call.TargetMethod.Name is "Add" or "AddRange" or "Insert"
                && payloads.Of(member.Instance?.Type ?? member.Member.ContainingType, cancellationToken) is { } payload
                && payload.Sink(member.Member.Name) is { } claim:
                AddElements(ref sinks, call, claim, payload);
                break;
        }
    }

    private static void AddElements(ref List<Sink>? sinks, IInvocationOperation add, ClaimMember claim, PayloadClaims.Readable payload)
    {
        foreach (IArgumentOperation argument in add.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType != SpecialType.System_Int32 || argument.Parameter.Name != "index")
            {
                // An implicit Add's argument is the element without its "!": the diagnostic covers what was written.
                SyntaxNode element = argument.Syntax;
                while (element.Parent is { } parent && (parent.IsKind(SyntaxKind.SuppressNullableWarningExpression) || parent.IsKind(SyntaxKind.ParenthesizedExpression)))
                {
                    element = parent;
                }

                Add(ref sinks, new Sink(SinkKind.Element, element.GetLocation(), argument.Value, claim, payload.Type));
            }
        }
    }

    private static void Add(ref List<Sink>? sinks, Sink sink) => (sinks ??= new List<Sink>()).Add(sink);

    /// <summary>How a value is written into a claim.</summary>
    internal enum SinkKind
    {
        /// <summary><c>Claim = value</c>: in an object initializer, a <c>with</c> expression or a statement.</summary>
        Assignment,

        /// <summary>A constructor argument (a positional record parameter).</summary>
        Argument,

        /// <summary>An element added to a claim collection.</summary>
        Element,
    }

    private readonly struct Sink
    {
        public Sink(SinkKind kind, Location location, IOperation value, ClaimMember claim, INamedTypeSymbol payload)
        {
            Kind = kind;
            Location = location;
            Value = value;
            Claim = claim;
            Payload = payload;
        }

        public SinkKind Kind { get; }

        public Location Location { get; }

        public IOperation Value { get; }

        public ClaimMember Claim { get; }

        public INamedTypeSymbol Payload { get; }
    }
}
