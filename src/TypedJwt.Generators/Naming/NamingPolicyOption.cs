using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Naming;

/// <summary>
/// The MSBuild property <c>TypedJwtNamingPolicy</c>: the naming policy of every <c>[JwtPayload]</c> and <c>[JwtHeader]</c>
/// type whose attribute sets none. The package's <c>build/TypedJwt.props</c> makes it a <c>CompilerVisibleProperty</c>, so
/// the compiler passes it as the global option <c>build_property.TypedJwtNamingPolicy</c>. Read only here, so the generator
/// and every analyzer agree on it.
/// </summary>
internal readonly struct NamingPolicyOption
{
    public const string PropertyName = "TypedJwtNamingPolicy";
    public const string GlobalOptionKey = "build_property." + PropertyName;

    /// <summary>The <see cref="JwtNamingPolicy"/> member names, for TJ0017's message.</summary>
    public static readonly string AcceptedValues = string.Join(", ", Enum.GetNames(typeof(JwtNamingPolicy)));

    private NamingPolicyOption(JwtNamingPolicy policy, string? invalidValue)
    {
        Policy = policy;
        InvalidValue = invalidValue;
    }

    /// <summary>The project's default policy: <see cref="JwtNamingPolicy.SnakeCaseLower"/> when absent, empty or invalid.</summary>
    public JwtNamingPolicy Policy { get; }

    /// <summary>The value as given when it names no policy (TJ0017); otherwise null.</summary>
    public string? InvalidValue { get; }

    public static NamingPolicyOption Read(AnalyzerConfigOptions globalOptions)
        => Parse(globalOptions.TryGetValue(GlobalOptionKey, out string? value) ? value : null);

    /// <summary>
    /// The <c>JwtNamingPolicy</c> member names, in any case, around any whitespace. Numbers are refused although the enum
    /// would take them: a project file should say what it means. An invalid value falls back to the documented default, so
    /// the build shows TJ0017 rather than every use of a claim type the generator skipped.
    /// </summary>
    public static NamingPolicyOption Parse(string? value)
    {
        string trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new NamingPolicyOption(JwtNamingPolicy.SnakeCaseLower, null);
        }

        // Enum.TryParse would also take numbers and comma-separated lists; only a single member name is a policy.
        foreach (JwtNamingPolicy policy in Enum.GetValues(typeof(JwtNamingPolicy)))
        {
            if (string.Equals(trimmed, policy.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return new NamingPolicyOption(policy, null);
            }
        }

        return new NamingPolicyOption(JwtNamingPolicy.SnakeCaseLower, value);
    }
}
