using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// A claim whose resolved name is unusable: which claim (its index in the type's claims), the rule, and the message
/// arguments. No location: the generator only needs to know there is one, the analyzer puts it at the claim's member.
/// </summary>
internal sealed class ClaimNameProblem
{
    public ClaimNameProblem(int claimIndex, DiagnosticDescriptor descriptor, params object?[] messageArgs)
    {
        ClaimIndex = claimIndex;
        Descriptor = descriptor;
        MessageArgs = messageArgs;
    }

    public int ClaimIndex { get; }

    public DiagnosticDescriptor Descriptor { get; }

    public object?[] MessageArgs { get; }
}
