using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Parsing;
using TypedJwt.Generators.Sensitivity;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Flow;

/// <summary>
/// The payload types of one compilation as TJ0019 sees them: whether a type is a <c>[JwtPayload]</c> that is not
/// <c>Encrypted</c>, and its claim members by name and by positional parameter. Computed once per type, on first use.
/// A <c>[JwtHeader]</c> type is not a sink here: its parameters are not claims, and TJ0001/TJ0002 report it by name.
/// </summary>
internal sealed class PayloadClaims
{
    private readonly KnownTypeSymbols _symbols;
    private readonly ConcurrentDictionary<ITypeSymbol, Readable?> _types = new(SymbolEqualityComparer.Default);

    public PayloadClaims(KnownTypeSymbols symbols) => _symbols = symbols;

    /// <summary>The claims of <paramref name="type"/> when it is a payload anyone can read; null otherwise.</summary>
    public Readable? Of(ITypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind is TypeKind.Error)
        {
            return null;
        }

        return _types.GetOrAdd(named.OriginalDefinition, t => Build((INamedTypeSymbol)t, cancellationToken));
    }

    private Readable? Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        AttributeData? attribute = _symbols.ClaimSetAttribute(type, out bool isHeader);
        if (attribute is null || isHeader || IsEncrypted(attribute))
        {
            return null;
        }

        var members = new Dictionary<string, ClaimMember>(System.StringComparer.Ordinal);
        foreach (ClaimMember member in ClaimSetParser.Members(type, cancellationToken))
        {
            members[member.Symbol.Name] = member;
        }

        return new Readable(type, members, _symbols);
    }

    private static bool IsEncrypted(AttributeData attribute)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == nameof(JwtPayloadAttribute.Encrypted) && argument.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A payload type that is not encrypted, and the claims it declares.</summary>
    internal sealed class Readable
    {
        private readonly Dictionary<string, ClaimMember> _members;
        private readonly KnownTypeSymbols _symbols;

        public Readable(INamedTypeSymbol type, Dictionary<string, ClaimMember> members, KnownTypeSymbols symbols)
        {
            Type = type;
            _members = members;
            _symbols = symbols;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>The claim member named <paramref name="name"/> (a property, a field, or a constructor parameter's property), unless it is marked [NotSensitive].</summary>
        public ClaimMember? Sink(string name, bool ignoreCase = false)
        {
            if (!_members.TryGetValue(name, out ClaimMember member))
            {
                if (!ignoreCase)
                {
                    return null;
                }

                bool found = false;
                foreach (KeyValuePair<string, ClaimMember> pair in _members)
                {
                    if (string.Equals(pair.Key, name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        member = pair.Value;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return null;
                }
            }

            return ExplicitMark.Of(member.Attributes, _symbols).Kind == ExplicitMarkKind.NotSensitive ? null : member;
        }
    }
}
