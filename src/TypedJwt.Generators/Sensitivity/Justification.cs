namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// What counts as a written <c>[NotSensitive]</c> justification (TJ0010), and the placeholder the "mark not sensitive" fixes
/// insert: a question to answer rather than <c>""</c>, so the reader sees what is asked, and TJ0010 keeps reporting it (any
/// justification that still starts with <c>TODO</c>) until someone writes the reason.
/// </summary>
internal static class Justification
{
    public const string Placeholder = "TODO: why is this safe to publish?";

    public static bool IsWritten(string? text)
    {
        string trimmed = text?.Trim() ?? "";
        return trimmed.Length > 0 && !trimmed.StartsWith("TODO", System.StringComparison.OrdinalIgnoreCase);
    }
}
