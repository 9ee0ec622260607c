using System.Collections.Concurrent;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// One <see cref="Vocabulary"/> per distinct option set, for one compilation: files usually share one <c>.editorconfig</c>,
/// so the tables are built once, not once per type.
/// </summary>
internal sealed class VocabularyCache
{
    private readonly ConcurrentDictionary<SensitivityOptions, Vocabulary> _vocabularies = new();

    public Vocabulary Get(SensitivityOptions options)
        => ReferenceEquals(options, SensitivityOptions.None) ? Vocabulary.Default : _vocabularies.GetOrAdd(options, static o => new Vocabulary(o));
}
