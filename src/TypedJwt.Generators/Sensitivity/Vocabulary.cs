using System;
using System.Collections.Generic;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// The phrases of both categories, including the words added from <c>.editorconfig</c>, and the phrases to ignore.
/// Built once per distinct option set (see <see cref="VocabularyCache"/>) and read concurrently.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, List<VocabularyEntry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<string[]>[] _ignored = { new(), new() };

    public static readonly Vocabulary Default = new(SensitivityOptions.None);

    public Vocabulary(SensitivityOptions options)
    {
        AddAll(SecretWords.Entries, SensitiveCategory.Secret);
        AddAll(PersonalDataWords.Entries, SensitiveCategory.PersonalData);
        AddAll(options.AdditionalSecretWords, SensitiveCategory.Secret);
        AddAll(options.AdditionalPersonalWords, SensitiveCategory.PersonalData);
        AddIgnored(options.IgnoredSecretWords, SensitiveCategory.Secret);
        AddIgnored(options.IgnoredPersonalWords, SensitiveCategory.PersonalData);
    }

    /// <summary>
    /// The first phrase in <paramref name="words"/> that names a value of a category the claim's shape can hold, or null.
    /// Ignored phrases are masked first; a phrase followed by a word from <see cref="AboutWords"/> does not count.
    /// </summary>
    public VocabularyEntry? Match(List<string> words, Func<SensitiveCategory, bool> canHold)
    {
        bool[]?[] masks = { Mask(words, SensitiveCategory.Secret), Mask(words, SensitiveCategory.PersonalData) };
        for (int start = 0; start < words.Count; start++)
        {
            VocabularyEntry? best = null;
            if (_byFirstWord.TryGetValue(words[start], out List<VocabularyEntry>? candidates) || _byFirstWord.TryGetValue(Singular(words[start]), out candidates))
            {
                foreach (VocabularyEntry entry in candidates)
                {
                    if ((best is null || entry.Words.Length > best.Words.Length)
                        && canHold(entry.Category)
                        && Matches(words, start, entry.Words, masks[(int)entry.Category]))
                    {
                        best = entry;
                    }
                }
            }

            if (best is not null && !FollowedByAboutWord(words, start + best.Words.Length))
            {
                return best;
            }
        }

        return null;
    }

    private static bool FollowedByAboutWord(List<string> words, int from)
    {
        for (int i = from; i < words.Count; i++)
        {
            if (AboutWords.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(List<string> words, int start, string[] phrase, bool[]? mask)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (int i = 0; i < phrase.Length; i++)
        {
            string word = words[start + i];
            if ((mask is not null && mask[start + i]) || (word != phrase[i] && Singular(word) != phrase[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool[]? Mask(List<string> words, SensitiveCategory category)
    {
        List<string[]> ignored = _ignored[(int)category];
        if (ignored.Count == 0)
        {
            return null;
        }

        var mask = new bool[words.Count];
        foreach (string[] phrase in ignored)
        {
            for (int start = 0; start + phrase.Length <= words.Count; start++)
            {
                if (Matches(words, start, phrase, null))
                {
                    for (int i = 0; i < phrase.Length; i++)
                    {
                        mask[start + i] = true;
                    }
                }
            }
        }

        return mask;
    }

    // Plurals only by the regular endings: "passwords", "addresses". "pinned" or "passing" never become "pin" or "pass".
    private static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 2);
        }

        return word.Length > 3 && word[word.Length - 1] == 's' && word[word.Length - 2] != 's' ? word.Substring(0, word.Length - 1) : word;
    }

    private void AddAll(IEnumerable<string> entries, SensitiveCategory category)
    {
        foreach (string entry in entries)
        {
            int equals = entry.IndexOf('=');
            string phrase = equals < 0 ? entry : entry.Substring(0, equals);
            List<string> words = WordSplitter.Split(phrase);
            if (words.Count == 0)
            {
                continue;
            }

            string label = equals < 0 ? string.Join(" ", words) : entry.Substring(equals + 1);
            if (!_byFirstWord.TryGetValue(words[0], out List<VocabularyEntry>? list))
            {
                _byFirstWord[words[0]] = list = new List<VocabularyEntry>();
            }

            list.Add(new VocabularyEntry(words.ToArray(), label, category));
        }
    }

    private void AddIgnored(IEnumerable<string> entries, SensitiveCategory category)
    {
        foreach (string entry in entries)
        {
            List<string> words = WordSplitter.Split(entry);
            if (words.Count > 0)
            {
                _ignored[(int)category].Add(words.ToArray());
            }
        }
    }
}
