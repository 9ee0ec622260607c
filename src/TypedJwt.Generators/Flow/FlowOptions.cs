using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedJwt.Generators.Sensitivity;

namespace TypedJwt.Generators.Flow;

/// <summary>
/// TJ0019's <c>.editorconfig</c> option: <c>TJ0019.safe_sources</c> (also read as <c>typedjwt.TJ0019.safe_sources</c>), a
/// comma-separated list of source names the project treats as safe to publish: <c>Email, DisplayName</c>, or qualified by
/// the containing type, <c>ApplicationUser.Email</c>. Names compare as words, so <c>display_name</c> is <c>DisplayName</c>.
/// </summary>
internal sealed class FlowOptions
{
    public const string SafeSourcesKey = "TJ0019.safe_sources";
    public const string PrefixedSafeSourcesKey = "typedjwt.TJ0019.safe_sources";

    public static readonly FlowOptions None = new(new HashSet<string>(StringComparer.Ordinal));

    private readonly HashSet<string> _safe;

    private FlowOptions(HashSet<string> safe) => _safe = safe;

    public static FlowOptions Read(AnalyzerConfigOptions options)
    {
        string value = Get(options, SafeSourcesKey) + "," + Get(options, PrefixedSafeSourcesKey);
        var safe = new HashSet<string>(StringComparer.Ordinal);
        foreach (string entry in value.Split(','))
        {
            List<string> words = WordSplitter.Split(entry);
            if (words.Count > 0)
            {
                safe.Add(string.Join(" ", words));
            }
        }

        return safe.Count == 0 ? None : new FlowOptions(safe);
    }

    /// <summary>True when the project listed this member, parameter, local or method, by its name or as <c>Type.Name</c>.</summary>
    public bool IsSafe(ISymbol symbol)
    {
        if (_safe.Count == 0)
        {
            return false;
        }

        string name = string.Join(" ", WordSplitter.Split(symbol.Name));
        return _safe.Contains(name)
            || (symbol.ContainingType is { } type && _safe.Contains(string.Join(" ", WordSplitter.Split(type.Name)) + " " + name));
    }

    private static string Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out string? value) && value is not null ? value : "";
}
