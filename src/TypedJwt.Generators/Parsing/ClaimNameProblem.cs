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

    /// <summary>The claim index of a problem of the type as a whole, reported at the type.</summary>
    public const int TypeLevel = -1;

    /// <summary>The claim's index, or <see cref="TypeLevel"/>.</summary>
    public int ClaimIndex { get; }

    public DiagnosticDescriptor Descriptor { get; }

    public object?[] MessageArgs { get; }
}
