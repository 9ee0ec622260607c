using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Model;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// Turns an annotated type symbol into a <see cref="ClaimSetDraft"/> (the model before claim names are known), or reports
/// why it cannot be one. Shared by the generator (which only keeps the draft) and the analyzer (which only keeps the
/// diagnostics), so both always agree; the checks that depend on claim names run for both in <see cref="ClaimNameResolver"/>.
/// </summary>
internal static class ClaimSetParser
{
    // The generated reader tracks seen claims in one ulong.
    private const int MaxClaims = 64;

    /// <summary>For the generator: the draft, or null when a check that does not depend on claim names fails.</summary>
    public static ClaimSetDraft? Parse(INamedTypeSymbol type, AttributeData attribute, bool isHeader, CancellationToken cancellationToken)
        => Read(type, attribute, isHeader, new DiagnosticSink(null), new List<ClaimDraft>(), members: null, cancellationToken);

    /// <summary>
    /// For the analyzer: every diagnostic of the type under the project's default naming policy, at real source locations.
    /// The name checks run on every claim that passed the member checks, even when the type has other errors, so one build
    /// shows all of them.
    /// </summary>
    public static void Report(INamedTypeSymbol type, AttributeData attribute, bool isHeader, JwtNamingPolicy defaultNamingPolicy, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var sink = new DiagnosticSink(diagnostics);
        var claims = new List<ClaimDraft>();
        var members = new List<ClaimMember>();
        Read(type, attribute, isHeader, sink, claims, members, cancellationToken);
        ClaimNameResolution resolution = ClaimNameResolver.Resolve(claims, isHeader, NamingPolicy(attribute, defaultNamingPolicy), !isHeader && IsRevocable(attribute), type.Name);
        foreach (ClaimNameProblem problem in resolution.Problems)
        {
            Location? location = problem.ClaimIndex == ClaimNameProblem.TypeLevel ? type.Locations.FirstOrDefault() : members[problem.ClaimIndex].Location;
            sink.Report(problem.Descriptor, location, problem.MessageArgs);
        }
    }

    /// <summary>
    /// The members that become claims, in declaration order; <c>[JwtIgnore]</c> members are left out. The sensitive-claim
    /// analyzer walks the same members the generator writes, naming them with <see cref="ClaimMember.ClaimName"/>.
    /// </summary>
    public static IEnumerable<ClaimMember> Members(INamedTypeSymbol type, CancellationToken cancellationToken)
        => Members(type, FindPrimaryConstructor(type, cancellationToken), cancellationToken);

    /// <summary>A type's naming policy: its attribute's <c>NamingPolicy</c> when set (even to the default), else the project's.</summary>
    public static JwtNamingPolicy NamingPolicy(AttributeData attribute, JwtNamingPolicy defaultNamingPolicy) => ExplicitNamingPolicy(attribute) ?? defaultNamingPolicy;

    // Fills claims (and, for the analyzer, the member behind each claim at the same index) with every member that passes the
    // member checks, and returns the draft only when no check failed.
    private static ClaimSetDraft? Read(INamedTypeSymbol type, AttributeData attribute, bool isHeader, DiagnosticSink sink, List<ClaimDraft> claims, List<ClaimMember>? members, CancellationToken cancellationToken)
    {
        Location? typeLocation = type.Locations.FirstOrDefault();

        var containingTypes = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            containingTypes.Insert(0, new ContainingTypeSpec(Keyword(containing, cancellationToken) ?? "class", containing.Name));
        }

        if (!IsPartial(type, cancellationToken) || !AllContainingTypesPartial(type, cancellationToken))
        {
            sink.Report(DiagnosticDescriptors.TypeMustBePartial, typeLocation, type.Name);
        }

        if (type.IsGenericType || AnyContainingTypeGeneric(type))
        {
            sink.Report(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, "generic types are not supported");
        }

        string? keyword = Keyword(type, cancellationToken);
        if (keyword is null)
        {
            sink.Report(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, "only classes, structs and records are supported");
        }
        else if (type.IsAbstract || type.IsStatic)
        {
            sink.Report(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, "a reader must be able to create it, so it cannot be abstract or static");
        }

        string? tokenType = null;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == nameof(JwtPayloadAttribute.TokenType) && !isHeader)
            {
                tokenType = argument.Value.Value as string;
            }
        }

        IMethodSymbol? primaryConstructor = FindPrimaryConstructor(type, cancellationToken);
        var enums = new List<EnumSpec>();
        bool hasRequiredMembers = false;
        var obsoleteDiagnosticIds = new SortedSet<string>(System.StringComparer.Ordinal);

        foreach (ClaimMember candidate in Members(type, primaryConstructor, cancellationToken))
        {
            ISymbol member = candidate.Symbol;
            ITypeSymbol memberType = candidate.Type;
            IParameterSymbol? parameter = candidate.Parameter;
            List<AttributeData> attributes = candidate.Attributes;
            if (!ClaimTypeClassifier.TryClassify(memberType, out ClaimTypeClassifier.Classification classification))
            {
                sink.Report(DiagnosticDescriptors.UnsupportedClaimType, candidate.Location, member.Name, memberType.ToDisplayString());
                continue;
            }

            bool isRequiredKeyword = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
            hasRequiredMembers |= isRequiredKeyword;
            bool isRequired = isRequiredKeyword
                || attributes.Any(a => Is(a, ConstraintParser.RequiredAttributeName))
                || (parameter is { HasExplicitDefaultValue: false } && !classification.IsNullable);

            string enumKey = "";
            if (classification.Kind == ClaimKind.Enum)
            {
                enumKey = AddEnum(enums, classification.ValueType);
            }

            AddObsoleteDiagnosticIds(obsoleteDiagnosticIds, member, classification.ValueType);

            claims.Add(new ClaimDraft(member.Name, candidate.ExplicitClaimName, new ClaimSpec
            {
                MemberName = Identifier(member.Name),
                ClaimName = "",
                Kind = classification.Kind,
                Collection = classification.Collection,
                TypeName = memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)),
                ValueTypeName = classification.ValueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                IsValueType = classification.ValueType.IsValueType,
                IsNullable = classification.IsNullable,
                IsNullableValueType = classification.IsNullableValueType,
                IsRequired = isRequired,
                IsConstructorParameter = parameter is not null,
                EnumKey = enumKey,
                Constraints = ConstraintParser.Parse(attributes, classification),
            }));
            members?.Add(candidate);
        }

        if (claims.Count > MaxClaims)
        {
            sink.Report(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, $"it has more than {MaxClaims} claims");
        }

        if (sink.HasErrors || keyword is null)
        {
            return null;
        }

        string fullyQualifiedName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return new ClaimSetDraft(
            new ClaimSetSpec
            {
                Namespace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                Name = type.Name,
                Keyword = keyword,
                FullyQualifiedName = fullyQualifiedName,
                HintName = fullyQualifiedName.Replace("global::", "") + ".g.cs",
                ContainingTypes = containingTypes.ToImmutableEquatableArray(),
                IsHeader = isHeader,
                TokenType = tokenType,
                HasRequiredMembers = hasRequiredMembers,
                IsImmutable = !isHeader && Immutability.IsImmutable(type),
                IsRevocable = !isHeader && IsRevocable(attribute),
                RedeclaresParameterlessConstructor = !type.IsValueType && type.InstanceConstructors.All(c => c.IsImplicitlyDeclared),
                ConstructorParameters = ConstructorParameters(primaryConstructor, claims),
                Claims = ImmutableEquatableArray<ClaimSpec>.Empty,
                Enums = enums.ToImmutableEquatableArray(),
                ObsoleteDiagnosticIds = obsoleteDiagnosticIds.ToImmutableEquatableArray(),
            },
            ExplicitNamingPolicy(attribute),
            claims.ToImmutableEquatableArray());
    }

    private static IEnumerable<ClaimMember> Members(INamedTypeSymbol type, IMethodSymbol? primaryConstructor, CancellationToken cancellationToken)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsCandidate(member, type, primaryConstructor, out ITypeSymbol? memberType))
            {
                continue;
            }

            IParameterSymbol? parameter = primaryConstructor?.Parameters.FirstOrDefault(p => p.Name == member.Name);
            List<AttributeData> attributes = member.GetAttributes().ToList();
            if (parameter is not null)
            {
                attributes.AddRange(parameter.GetAttributes());
            }

            if (attributes.Any(a => Is(a, KnownTypeSymbols.IgnoreAttributeName)))
            {
                continue;
            }

            AttributeData? claimAttribute = attributes.FirstOrDefault(a => Is(a, KnownTypeSymbols.ClaimAttributeName));
            string? explicitClaimName = claimAttribute is null ? null : claimAttribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
            yield return new ClaimMember(member, memberType!, parameter, attributes, explicitClaimName, member.Locations.FirstOrDefault());
        }
    }

    // Present in the attribute data means written in the source, so [JwtPayload(NamingPolicy = SnakeCaseLower)] keeps
    // snake_case whatever the project's default is.
    private static JwtNamingPolicy? ExplicitNamingPolicy(AttributeData attribute)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            // An enum argument's value is its underlying int.
            if (argument.Key == nameof(JwtPayloadAttribute.NamingPolicy) && argument.Value.Value is int policy)
            {
                return (JwtNamingPolicy)policy;
            }
        }

        return null;
    }

    private static bool IsRevocable(AttributeData attribute)
        => attribute.NamedArguments.Any(a => a.Key == nameof(JwtPayloadAttribute.Revocable) && a.Value.Value is true);

    private static bool IsCandidate(ISymbol member, INamedTypeSymbol type, IMethodSymbol? primaryConstructor, out ITypeSymbol? memberType)
    {
        memberType = null;
        if (member.IsStatic || member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
        {
            return false;
        }

        switch (member)
        {
            case IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null:
                // A get-only property can be read into only when it is an auto-property (its backing field is assignable in a
                // constructor) or a positional record parameter; a computed one is derived state, not a claim.
                if (property.SetMethod is null && !HasBackingField(type, property) && primaryConstructor?.Parameters.Any(p => p.Name == property.Name) != true)
                {
                    return false;
                }

                memberType = property.Type;
                return true;
            case IFieldSymbol field when !field.IsConst && field.AssociatedSymbol is null && !field.IsImplicitlyDeclared:
                memberType = field.Type;
                return true;
            default:
                return false;
        }
    }

    private static bool HasBackingField(INamedTypeSymbol type, IPropertySymbol property)
        => type.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    private static IMethodSymbol? FindPrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!type.IsRecord)
        {
            return null;
        }

        // A record's primary constructor is the one declared by the type declaration itself (its parameter list).
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is RecordDeclarationSyntax { ParameterList: not null })
                {
                    return constructor;
                }
            }
        }

        return null;
    }

    private static ImmutableEquatableArray<ConstructorParameterSpec> ConstructorParameters(IMethodSymbol? constructor, List<ClaimDraft> claims)
    {
        if (constructor is null)
        {
            return ImmutableEquatableArray<ConstructorParameterSpec>.Empty;
        }

        return constructor.Parameters
            .Select(p => new ConstructorParameterSpec(
                p.Name,
                claims.FindIndex(c => c.DeclaredName == p.Name),
                p.HasExplicitDefaultValue ? Literals.Format(p.ExplicitDefaultValue, p.Type) ?? "default" : "default"))
            .ToImmutableEquatableArray();
    }

    private static string AddEnum(List<EnumSpec> enums, ITypeSymbol enumType)
    {
        string typeName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        string key = new string(typeName.Replace("global::", "").Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        if (enums.All(e => e.Key != key))
        {
            var seen = new HashSet<object?>();
            ImmutableEquatableArray<EnumMemberSpec> members = enumType.GetMembers()
                .OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue && seen.Add(f.ConstantValue))
                .Select(f => new EnumMemberSpec(f.Name, Identifier(f.Name)))
                .ToImmutableEquatableArray();
            enums.Add(new EnumSpec(key, typeName, members));
        }

        return key;
    }

    // [Obsolete(DiagnosticId = "X")] makes a use report X instead of CS0618; the generated code uses the claim member, its
    // type and (for an enum) its members, so their IDs are suppressed there as CS0612 and CS0618 are.
    private static void AddObsoleteDiagnosticIds(SortedSet<string> ids, ISymbol member, ITypeSymbol valueType)
    {
        IEnumerable<ISymbol> used = valueType.TypeKind == TypeKind.Enum
            ? [member, valueType, .. valueType.GetMembers().OfType<IFieldSymbol>()]
            : [member, valueType];
        foreach (ISymbol symbol in used)
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { } c && ClaimTypeClassifier.MetadataName(c) == "System.ObsoleteAttribute"
                    && attribute.NamedArguments.FirstOrDefault(a => a.Key == "DiagnosticId").Value.Value is string { Length: > 0 } id
                    && SyntaxFacts.IsValidIdentifier(id))
                {
                    ids.Add(id);
                }
            }
        }
    }

    private static string? Keyword(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case RecordDeclarationSyntax record:
                    return record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record";
                case ClassDeclarationSyntax:
                    return "class";
                case StructDeclarationSyntax:
                    return "struct";
            }
        }

        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
        => type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool AllContainingTypesPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (!IsPartial(containing, cancellationToken) || Keyword(containing, cancellationToken) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyContainingTypeGeneric(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (containing.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    private static bool Is(AttributeData attribute, string metadataName)
        => attribute.AttributeClass is { } c && ClaimTypeClassifier.MetadataName(c) == metadataName;
}
