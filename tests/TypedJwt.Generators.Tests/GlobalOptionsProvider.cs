using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Tests;

/// <summary>
/// Global analyzer-config options as the compiler passes them: an MSBuild property listed as a <c>CompilerVisibleProperty</c>
/// arrives as <c>build_property.Name</c>, the same for the generator driver and for the analyzers. No per-file options.
/// </summary>
internal sealed class GlobalOptionsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    public static readonly GlobalOptionsProvider None = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>The <c>TypedJwtNamingPolicy</c> property set to <paramref name="value"/>, or absent when null.</summary>
    public static GlobalOptionsProvider NamingPolicy(string? value)
        => value is null ? None : new(ImmutableDictionary<string, string>.Empty.Add("build_property.TypedJwtNamingPolicy", value));

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
