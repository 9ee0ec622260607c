using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// The <c>.editorconfig</c> options of TJ0001 and TJ0002, read through one typed helper. Each is a comma-separated list of
/// words or phrases in any spelling the word splitter understands (<c>badge_code</c>, <c>BadgeCode</c>, <c>badge code</c>):
/// <list type="bullet">
/// <item><c>TJ0001.additional_words</c>, <c>TJ0002.additional_words</c>: more names of secrets or personal data;</item>
/// <item><c>TJ0001.ignored_words</c>, <c>TJ0002.ignored_words</c>: words that never count toward that rule (<c>secret_santa</c>).</item>
/// </list>
/// </summary>
internal sealed class SensitivityOptions : IEquatable<SensitivityOptions>
{
    public const string AdditionalSecretKey = "TJ0001.additional_words";
    public const string IgnoredSecretKey = "TJ0001.ignored_words";
    public const string AdditionalPersonalKey = "TJ0002.additional_words";
    public const string IgnoredPersonalKey = "TJ0002.ignored_words";

    public static readonly SensitivityOptions None = new("", "", "", "");

    private readonly string _key;

    private SensitivityOptions(string additionalSecret, string ignoredSecret, string additionalPersonal, string ignoredPersonal)
    {
        AdditionalSecretWords = List(additionalSecret);
        IgnoredSecretWords = List(ignoredSecret);
        AdditionalPersonalWords = List(additionalPersonal);
        IgnoredPersonalWords = List(ignoredPersonal);
        _key = string.Join("\u0001", additionalSecret, ignoredSecret, additionalPersonal, ignoredPersonal);
    }

    public string[] AdditionalSecretWords { get; }

    public string[] IgnoredSecretWords { get; }

    public string[] AdditionalPersonalWords { get; }

    public string[] IgnoredPersonalWords { get; }

    /// <summary>
    /// These options plus <paramref name="personalWords"/> (entries as <see cref="PersonalDataWords"/> writes them): TJ0019
    /// adds the identity words that TJ0002 leaves to a claim's own name.
    /// </summary>
    public SensitivityOptions WithPersonalWords(string personalWords)
    {
        string[] parts = _key.Split('\u0001');
        return new SensitivityOptions(parts[0], parts[1], parts[2].Length == 0 ? personalWords : parts[2] + "," + personalWords, parts[3]);
    }

    public static SensitivityOptions Read(AnalyzerConfigOptions options)
    {
        string additionalSecret = Get(options, AdditionalSecretKey);
        string ignoredSecret = Get(options, IgnoredSecretKey);
        string additionalPersonal = Get(options, AdditionalPersonalKey);
        string ignoredPersonal = Get(options, IgnoredPersonalKey);
        return additionalSecret.Length + ignoredSecret.Length + additionalPersonal.Length + ignoredPersonal.Length == 0
            ? None
            : new SensitivityOptions(additionalSecret, ignoredSecret, additionalPersonal, ignoredPersonal);
    }

    public bool Equals(SensitivityOptions? other) => other is not null && other._key == _key;

    public override bool Equals(object? obj) => Equals(obj as SensitivityOptions);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);

    private static string Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out string? value) && value is not null ? value.Trim() : "";

    private static string[] List(string value)
        => value.Length == 0 ? Array.Empty<string>() : value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
}
