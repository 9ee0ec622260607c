using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedJwt.Generators.Diagnostics;

namespace TypedJwt.CodeFixes;

/// <summary>
/// The one exported fix provider for TJ0019, safest first (the IDE lists them so, and <c>dotnet format analyzers</c>
/// applies the first): mark the payload Encrypted (<see cref="MarkPayloadEncryptedCodeFixProvider"/>, its title naming the
/// nested form when the payload's keys are RSA or EC), remove the write (<see cref="RemoveClaimWriteCodeFixProvider"/>),
/// mark the claim [NotSensitive] with the question TJ0010 reports until it is answered (<see cref="MarkNotSensitiveCodeFixProvider"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SensitiveFlowCodeFixProvider)), Shared]
public sealed class SensitiveFlowCodeFixProvider() : OrderedCodeFixProvider(
    ImmutableArray.Create(RuleIdentifiers.SensitiveValueInReadableClaim),
    new MarkPayloadEncryptedCodeFixProvider(),
    new RemoveClaimWriteCodeFixProvider(),
    new MarkNotSensitiveCodeFixProvider());
