using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// A member that becomes a claim, as the parser sees it before any check: the symbol, its type, the positional record
/// parameter it comes from (if any), the attributes of both, and the claim name. Analyzer-side only; never reaches the model.
/// </summary>
internal readonly struct ClaimMember
{
    public ClaimMember(ISymbol symbol, ITypeSymbol type, IParameterSymbol? parameter, List<AttributeData> attributes, string claimName, Location? location)
    {
        Symbol = symbol;
        Type = type;
        Parameter = parameter;
        Attributes = attributes;
        ClaimName = claimName;
        Location = location;
    }

    public ISymbol Symbol { get; }

    public ITypeSymbol Type { get; }

    public IParameterSymbol? Parameter { get; }

    /// <summary>The member's attributes followed by its primary constructor parameter's.</summary>
    public List<AttributeData> Attributes { get; }

    /// <summary>The JSON name; empty when <c>[JwtClaim("")]</c> (TJ0008).</summary>
    public string ClaimName { get; }

    public Location? Location { get; }
}
