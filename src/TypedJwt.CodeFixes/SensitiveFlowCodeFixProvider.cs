using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedJwt.Generators.Diagnostics;

namespace TypedJwt.CodeFixes;

/// <summary>
/// The one exported fix provider for TJ0019, registering safest first (the IDE lists them so, and <c>dotnet format
/// analyzers</c> applies the first): mark the payload Encrypted (<see cref="MarkPayloadEncryptedCodeFixProvider"/>, its title
/// naming the nested form when the payload's keys are RSA or EC), remove the write
/// (<see cref="RemoveClaimWriteCodeFixProvider"/>), mark the claim [NotSensitive] with the placeholder justification that
/// TJ0010 reports until it is written (<see cref="MarkNotSensitiveCodeFixProvider"/>). See <see cref="SensitiveClaimCodeFixProvider"/>
/// for why one provider registers them all.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SensitiveFlowCodeFixProvider)), Shared]
public sealed class SensitiveFlowCodeFixProvider : CodeFixProvider
{
    private static readonly ImmutableArray<CodeFixProvider> Fixes = ImmutableArray.Create<CodeFixProvider>(
        new MarkPayloadEncryptedCodeFixProvider(),
        new RemoveClaimWriteCodeFixProvider(),
        new MarkNotSensitiveCodeFixProvider());

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SensitiveValueInReadableClaim);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (CodeFixProvider fix in Fixes)
        {
            await fix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }
    }
}
