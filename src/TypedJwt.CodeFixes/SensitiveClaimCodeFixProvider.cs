using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedJwt.Generators.Diagnostics;

namespace TypedJwt.CodeFixes;

/// <summary>
/// The one exported fix provider for TJ0001/TJ0002: it registers the three fixes, safest first. Mark the payload Encrypted
/// (<see cref="MarkPayloadEncryptedCodeFixProvider"/>), mark the member [NotSensitive] with the reason still to write
/// (<see cref="MarkNotSensitiveCodeFixProvider"/>, TJ0010 then asks for it), remove the member
/// (<see cref="RemoveClaimMemberCodeFixProvider"/>). The order is only ours to set within one provider: <c>dotnet format
/// analyzers</c> runs every provider that fixes an ID, one after another in the order it finds their types, each with the
/// first action it registers, so three exported providers made it mark members [NotSensitive] instead of encrypting the
/// payload. The three stay separate classes, not exported, so each is tested on its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SensitiveClaimCodeFixProvider)), Shared]
public sealed class SensitiveClaimCodeFixProvider : CodeFixProvider
{
    private static readonly ImmutableArray<CodeFixProvider> Fixes = ImmutableArray.Create<CodeFixProvider>(
        new MarkPayloadEncryptedCodeFixProvider(),
        new MarkNotSensitiveCodeFixProvider(),
        new RemoveClaimMemberCodeFixProvider());

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.SecretClaimNotEncrypted, RuleIdentifiers.PersonalDataClaimNotEncrypted);

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
