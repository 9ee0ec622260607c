namespace TypedJwt.Generators.Sensitivity;

/// <summary>A word sequence that names a sensitive value, and the words the diagnostic uses for it.</summary>
internal sealed class VocabularyEntry
{
    public VocabularyEntry(string[] words, string label, SensitiveCategory category)
    {
        Words = words;
        Label = label;
        Category = category;
    }

    /// <summary>Lower-case words, matched in order against consecutive words of a name.</summary>
    public string[] Words { get; }

    /// <summary>What the value is, spelled out (<c>pwd</c> is a "password").</summary>
    public string Label { get; }

    public SensitiveCategory Category { get; }
}
