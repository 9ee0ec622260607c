using System.Collections.Generic;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// Splits a member or claim name into lower-case words, so that matching works on words and never on substrings
/// (<c>ClassName</c> is "class name", not "...ssn..."; <c>Secretary</c> is one word). Words break at <c>_</c>, <c>-</c>,
/// <c>.</c>, <c>:</c>, spaces, at a lower-to-upper change (<c>apiKey</c>), at the last capital of an acronym followed by a
/// lower-case letter (<c>SSNNumber</c> is "ssn number"), and between letters and digits (<c>Cvv2</c> is "cvv 2").
/// </summary>
internal static class WordSplitter
{
    public static List<string> Split(string name)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(name, ref start, i, words);
                continue;
            }

            if (start >= 0 && StartsWord(name, i))
            {
                Flush(name, ref start, i, words);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(name, ref start, name.Length, words);
        return words;
    }

    private static bool StartsWord(string name, int i)
    {
        char previous = name[i - 1];
        char c = name[i];
        if (char.IsDigit(c) != char.IsDigit(previous))
        {
            return true;
        }

        if (char.IsUpper(c))
        {
            return char.IsLower(previous) || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
        }

        return false;
    }

    private static void Flush(string name, ref int start, int end, List<string> words)
    {
        if (start >= 0)
        {
            words.Add(name.Substring(start, end - start).ToLowerInvariant());
            start = -1;
        }
    }
}
