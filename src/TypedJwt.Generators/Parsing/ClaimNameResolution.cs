using System.Collections.Generic;

namespace TypedJwt.Generators.Parsing;

/// <summary>The names of a type's claims under one naming policy (index-aligned with the claims), and what is wrong with them.</summary>
internal sealed class ClaimNameResolution
{
    public ClaimNameResolution(IReadOnlyList<string> names, IReadOnlyList<ClaimNameProblem> problems)
    {
        Names = names;
        Problems = problems;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>At most one per claim, in claim order; empty when every name is usable.</summary>
    public IReadOnlyList<ClaimNameProblem> Problems { get; }
}
