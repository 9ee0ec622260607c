using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// A member that becomes a claim, as the parser sees it before any check: the symbol, its type, the positional record
/// parameter it comes from (if any), the attributes of both, and its <c>[JwtClaim]</c> name. Analyzer-side only; never
/// reaches the model.
/// </summary>
internal readonly struct ClaimMember
{
    public ClaimMember(ISymbol symbol, ITypeSymbol type, IParameterSymbol? parameter, List<AttributeData> attributes, string? explicitClaimName, Location? location)
    {
        Symbol = symbol;
        Type = type;
        Parameter = parameter;
        Attributes = attributes;
        ExplicitClaimName = explicitClaimName;
        Location = location;
    }

    public ISymbol Symbol { get; }

    public ITypeSymbol Type { get; }

    public IParameterSymbol? Parameter { get; }

    /// <summary>The member's attributes followed by its primary constructor parameter's.</summary>
    public List<AttributeData> Attributes { get; }

    /// <summary>The name <c>[JwtClaim("...")]</c> gives (empty is TJ0008), or null when the naming policy decides.</summary>
    public string? ExplicitClaimName { get; }

    public Location? Location { get; }

    /// <summary>The JSON name under the type's effective naming policy (<see cref="ClaimSetParser.NamingPolicy"/>).</summary>
    public string ClaimName(JwtNamingPolicy namingPolicy) => ClaimNameResolver.NameOf(Symbol.Name, ExplicitClaimName, namingPolicy);
}
