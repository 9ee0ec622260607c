using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Flow;

/// <summary>
/// Calls whose result still carries their input: <c>ToString()</c>, string building and case or whitespace changes,
/// parsing, encodings (Base64, hex, UTF-8, URL and HTML escaping are not protection), taking elements of a sequence. Not
/// here on purpose: <c>Substring</c>, <c>Remove</c>, <c>Mask</c>-like helpers, which keep only part of a value and are how
/// a card number is shown as its last four digits.
/// </summary>
internal static class TransparentCalls
{
    private static readonly HashSet<string> StringMethods = new(System.StringComparer.Ordinal)
    {
        "Concat", "Format", "Join", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant",
        "PadLeft", "PadRight", "Replace", "Normalize", "Insert", "ToCharArray", "Clone", "Copy", "Split", "AsSpan", "AsMemory",
    };

    private static readonly HashSet<string> WholeTypes = new(System.StringComparer.Ordinal)
    {
        "System.Convert", "System.Buffers.Text.Base64Url", "System.Buffers.Text.Base64", "System.Net.WebUtility",
        "System.Web.HttpUtility", "System.Text.Encodings.Web.UrlEncoder", "System.Text.Encodings.Web.HtmlEncoder",
        "System.Text.Encodings.Web.JavaScriptEncoder", "System.Text.StringBuilder", "System.Collections.Immutable.ImmutableArray",
        "System.Collections.Immutable.ImmutableList", "System.Text.Json.JsonSerializer",
    };

    private static readonly HashSet<string> SequenceMethods = new(System.StringComparer.Ordinal)
    {
        "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault",
        "ToArray", "ToList", "ToHashSet", "AsEnumerable", "Where", "Take", "Skip", "Concat", "Append", "Prepend", "Distinct",
        "Reverse", "Order", "OrderBy", "ToImmutableArray", "ToImmutableList", "DefaultIfEmpty",
    };

    public static bool Keeps(IMethodSymbol method)
    {
        string name = method.Name;
        if (name is "ToString" or "GetValueOrDefault" or "Parse" or "ToCharArray")
        {
            return true;
        }

        INamedTypeSymbol? type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String || type.ToDisplayString() == "System.MemoryExtensions")
        {
            return StringMethods.Contains(name);
        }

        string typeName = type.ToDisplayString();
        if (WholeTypes.Contains(typeName) || typeName == "System.Uri" && name.StartsWith("Escape", System.StringComparison.Ordinal))
        {
            return true;
        }

        if (typeName is "System.Linq.Enumerable" or "System.Collections.Immutable.ImmutableArray" or "System.Collections.Immutable.ImmutableList"
            || typeName.StartsWith("System.Collections.Immutable.ImmutableArray", System.StringComparison.Ordinal))
        {
            return SequenceMethods.Contains(name) || name == "Create";
        }

        // Encoding.UTF8.GetBytes(pwd), Encoding.ASCII.GetString(bytes), whatever the derived encoding.
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == "System.Text.Encoding")
            {
                return name is "GetBytes" or "GetString" or "GetChars";
            }
        }

        return false;
    }
}
