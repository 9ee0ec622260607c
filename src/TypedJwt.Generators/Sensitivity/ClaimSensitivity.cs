using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Model;
using TypedJwt.Generators.Parsing;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// Decides whether one claim is a secret or personal data: explicit marks first, then its member and claim names matched
/// as words against the vocabulary its value's shape can hold, then (for a nested claim set) the claims it carries.
/// </summary>
internal static class ClaimSensitivity
{
    // Nested claim sets deeper than this are not followed; a cycle is cut earlier by the visited set.
    private const int MaxDepth = 8;

    /// <summary>
    /// <paramref name="claimName"/> is the member's JSON name; <paramref name="defaultNamingPolicy"/> is the project's, which
    /// names the claims inside a nested claim set whose attribute sets no policy.
    /// </summary>
    public static SensitiveFinding? Classify(ClaimMember member, string claimName, JwtNamingPolicy defaultNamingPolicy, KnownTypeSymbols symbols, Vocabulary vocabulary, CancellationToken cancellationToken)
        => Classify(member, claimName, defaultNamingPolicy, symbols, vocabulary, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    private static SensitiveFinding? Classify(ClaimMember member, string claimName, JwtNamingPolicy defaultNamingPolicy, KnownTypeSymbols symbols, Vocabulary vocabulary, HashSet<ITypeSymbol> visited, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ExplicitMark mark = ExplicitMark.Of(member.Attributes, symbols);
        switch (mark.Kind)
        {
            case ExplicitMarkKind.NotSensitive:
                return null;
            case ExplicitMarkKind.Sensitive:
                return new SensitiveFinding(NameCategory(member, claimName, vocabulary) ?? SensitiveCategory.Secret, "is marked [Sensitive]");
            case ExplicitMarkKind.Classified:
                return new SensitiveFinding(NameCategory(member, claimName, vocabulary) ?? SensitiveCategory.PersonalData, $"is marked [{mark.AttributeName}]");
        }

        if (!ClaimTypeClassifier.TryClassify(member.Type, out ClaimTypeClassifier.Classification classification))
        {
            return null;
        }

        VocabularyEntry? entry = Match(member, claimName, vocabulary, category => ValueShapes.CanHold(category, classification.Kind));
        if (entry is not null)
        {
            string what = entry.Category == SensitiveCategory.Secret ? "a secret" : "personal data";
            return new SensitiveFinding(entry.Category, $"looks like {what} ({entry.Label})");
        }

        if (classification.Kind == ClaimKind.ClaimSet && visited.Count < MaxDepth && classification.ValueType is INamedTypeSymbol nested && visited.Add(nested))
        {
            SensitiveFinding? inner = ClassifyNested(nested, defaultNamingPolicy, symbols, vocabulary, visited, cancellationToken);
            visited.Remove(nested);
            return inner;
        }

        return null;
    }

    private static SensitiveFinding? ClassifyNested(INamedTypeSymbol nested, JwtNamingPolicy defaultNamingPolicy, KnownTypeSymbols symbols, Vocabulary vocabulary, HashSet<ITypeSymbol> visited, CancellationToken cancellationToken)
    {
        AttributeData? attribute = symbols.ClaimSetAttribute(nested, out _);
        if (attribute is null)
        {
            return null;
        }

        JwtNamingPolicy namingPolicy = ClaimSetParser.NamingPolicy(attribute, defaultNamingPolicy);
        foreach (ClaimMember inner in ClaimSetParser.Members(nested, cancellationToken))
        {
            string innerName = inner.ClaimName(namingPolicy);
            SensitiveFinding? finding = Classify(inner, innerName, defaultNamingPolicy, symbols, vocabulary, visited, cancellationToken);
            if (finding is not null)
            {
                return finding.Inside(innerName);
            }
        }

        return null;
    }

    private static VocabularyEntry? Match(ClaimMember member, string claimName, Vocabulary vocabulary, System.Func<SensitiveCategory, bool> canHold)
        => vocabulary.Match(WordSplitter.Split(member.Symbol.Name), canHold)
        ?? (claimName.Length > 0 ? vocabulary.Match(WordSplitter.Split(claimName), canHold) : null);

    // An explicitly marked member is reported whatever its shape; its name only picks the rule.
    private static SensitiveCategory? NameCategory(ClaimMember member, string claimName, Vocabulary vocabulary)
        => Match(member, claimName, vocabulary, static _ => true)?.Category;
}
