using System;
using System.ComponentModel;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Writers for claim types <see cref="Utf8JsonWriter"/> has no overload for, called by generated
/// <see cref="IJwtClaimSet{TSelf}.WriteJson"/> code. None allocates. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JwtClaimWriter
{
    /// <summary>Writes a calendar date as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteDateOnlyValue(writer, value);
    }

    /// <summary>Writes a calendar date as <c>yyyy-MM-dd</c> (for arrays).</summary>
    public static void WriteDateOnlyValue(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out int written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStringValue(text.Slice(0, written));
    }

    /// <summary>Writes a URI as its original string.</summary>
    public static void WriteUri(Utf8JsonWriter writer, JsonEncodedText name, Uri value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteUriValue(writer, value);
    }

    /// <summary>Writes a URI as its original string (for arrays).</summary>
    public static void WriteUriValue(Utf8JsonWriter writer, Uri value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.OriginalString);
    }
}
