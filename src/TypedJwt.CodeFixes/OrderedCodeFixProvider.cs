using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TypedJwt.CodeFixes;

/// <summary>
/// One exported provider that registers several fixes in a fixed order, safest first. The order is only ours to set within
/// one provider: <c>dotnet format analyzers</c> runs every provider that fixes an ID, in the order it finds their types,
/// each with the first action it registers, so separate exported providers made it mark members [NotSensitive] instead
/// of encrypting the payload. The fixes stay separate, unexported classes, so each is tested on its own.
/// </summary>
public abstract class OrderedCodeFixProvider : CodeFixProvider
{
    private readonly ImmutableArray<CodeFixProvider> _fixes;

    /// <summary>Creates the provider for <paramref name="diagnosticIds"/>, registering <paramref name="fixes"/> in that order.</summary>
    protected OrderedCodeFixProvider(ImmutableArray<string> diagnosticIds, params CodeFixProvider[] fixes)
    {
        FixableDiagnosticIds = diagnosticIds;
        _fixes = ImmutableArray.Create(fixes);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (CodeFixProvider fix in _fixes)
        {
            await fix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }
    }
}
