using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedJwt.Generators.Diagnostics;

namespace TypedJwt.CodeFixes;

/// <summary>
/// The one exported fix provider for TJ0001/TJ0002, safest first (see <see cref="OrderedCodeFixProvider"/> for why one
/// provider registers them all): mark the payload Encrypted (<see cref="MarkPayloadEncryptedCodeFixProvider"/>), mark the
/// member [NotSensitive] with the question TJ0010 reports until it is answered (<see cref="MarkNotSensitiveCodeFixProvider"/>),
/// remove the member (<see cref="RemoveClaimMemberCodeFixProvider"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SensitiveClaimCodeFixProvider)), Shared]
public sealed class SensitiveClaimCodeFixProvider() : OrderedCodeFixProvider(
    ImmutableArray.Create(RuleIdentifiers.SecretClaimNotEncrypted, RuleIdentifiers.PersonalDataClaimNotEncrypted),
    new MarkPayloadEncryptedCodeFixProvider(),
    new MarkNotSensitiveCodeFixProvider(),
    new RemoveClaimMemberCodeFixProvider());
