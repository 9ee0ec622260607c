namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// What counts as a written <c>[NotSensitive]</c> justification (TJ0010), and the placeholder the "mark not sensitive" fixes
/// insert: a question to answer rather than <c>""</c>, so the reader sees what is asked, and TJ0010 keeps reporting it (a
/// justification that is still that question) until someone writes the reason.
/// </summary>
internal static class Justification
{
    public const string Placeholder = "Why may anyone holding the token read this claim?";

    public static bool IsWritten(string? text)
    {
        string trimmed = text?.Trim() ?? "";
        return trimmed.Length > 0 && !string.Equals(trimmed, Placeholder, System.StringComparison.OrdinalIgnoreCase);
    }
}
