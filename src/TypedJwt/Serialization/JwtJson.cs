using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace TypedJwt;

/// <summary>
/// Strict JSON helpers shared by the runtime and generated readers: skipping a value while still rejecting duplicate
/// member names inside it, and the reader options every TypedJwt read uses (no comments, no trailing commas). Used by
/// generated code; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JwtJson
{
    /// <summary>The size of the stack buffer generated readers give <see cref="JwtMemberNameSet"/>.</summary>
    public const int NameBufferSize = 256;

    /// <summary>
    /// The writer options for token JSON. Header and payload are base64url-encoded, never embedded in HTML, so only what
    /// JSON itself requires is escaped (quotes, backslash, control characters): <c>at+jwt</c> stays <c>at+jwt</c> rather
    /// than <c>at\u002Bjwt</c>, and non-ASCII text stays UTF-8, which keeps tokens short.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Escapes a claim or parameter name as <see cref="WriterOptions"/> escapes values; generated code precomputes names with it.</summary>
    public static JsonEncodedText EncodeName(string name) => JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>
    /// Copies the unescaped UTF-8 of the string or property name the reader is on. An escape that encodes no Unicode
    /// text (a lone surrogate such as <c>"\udfaa"</c>) cannot be UTF-8, so it is reported as malformed JSON
    /// (<see cref="JsonException"/>) like every other JSON error, rather than as the reader's InvalidOperationException.
    /// </summary>
    public static int CopyString(in Utf8JsonReader reader, Span<byte> destination)
    {
        try
        {
            return reader.CopyString(destination);
        }
        catch (InvalidOperationException exception)
        {
            throw InvalidEscape(exception);
        }
    }

    /// <summary>Copies the unescaped text of the string the reader is on as UTF-16; see <see cref="CopyString(in Utf8JsonReader, Span{byte})"/>.</summary>
    public static int CopyString(in Utf8JsonReader reader, Span<char> destination)
    {
        try
        {
            return reader.CopyString(destination);
        }
        catch (InvalidOperationException exception)
        {
            throw InvalidEscape(exception);
        }
    }

    /// <summary>
    /// Whether the string or property name the reader is on is <paramref name="utf8Text"/> once unescaped, as
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> says; but an escape that encodes no Unicode text (a lone
    /// surrogate such as <c>"\udfaa"</c>) is malformed JSON (<see cref="JsonException"/>), not the reader's
    /// InvalidOperationException. Generated readers match claim names and enum values with it; text that is neither escaped
    /// nor split across segments, nearly all of it, is compared byte for byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ValueTextEquals(in Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text) =>
        reader.ValueIsEscaped || reader.HasValueSequence
            ? EscapedValueTextEquals(in reader, utf8Text)
            : reader.ValueSpan.SequenceEqual(utf8Text);

    /// <summary>Reads the string the reader is on; a lone-surrogate escape is malformed JSON (<see cref="JsonException"/>).</summary>
    /// <remarks>
    /// The reader is passed by <see langword="ref"/>, not <see langword="in"/>: <see cref="Utf8JsonReader.GetString"/> is not a
    /// <see langword="readonly"/> member, so through an <see langword="in"/> parameter every call would first copy the whole reader.
    /// </remarks>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw InvalidEscape(exception);
        }
    }

    // The reader's comparison gives up early when the lengths cannot match and unescapes (throwing for a bad escape) only
    // otherwise; proving the text first makes a bad escape malformed JSON whatever it is compared with.
    private static bool EscapedValueTextEquals(in Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text)
    {
        EnsureEscapesAreText(in reader);
        return reader.ValueTextEquals(utf8Text);
    }

    /// <summary><see cref="Utf8JsonReader.TryGetGuid"/>, with an escape that encodes no text reported as <see cref="JsonException"/>.</summary>
    internal static bool TryGetGuid(ref Utf8JsonReader reader, out Guid value)
    {
        try
        {
            return reader.TryGetGuid(out value);
        }
        catch (InvalidOperationException exception)
        {
            throw InvalidEscape(exception);
        }
    }

    /// <summary>
    /// The error for a member name that appears twice in one object, the reader on its second appearance. A registered claim
    /// or header parameter is named; any other name is not echoed, since it is the sender's text and errors reach logs
    /// and HTTP headers.
    /// </summary>
    public static JwtError DuplicateMember(in Utf8JsonReader reader) => RegisteredNames.DuplicateMember(in reader);

    private static JsonException InvalidEscape(InvalidOperationException exception) =>
        new("A JSON string escapes an invalid Unicode code point.", exception);

    /// <summary>
    /// Whether <paramref name="json"/> is well-formed UTF-8, as RFC 8259 §8.1 requires of JSON text and RFC 7519 §7.2 of a JWT's
    /// header and claims. <see cref="Utf8JsonReader"/> checks the structure but not the text inside strings, so every strict
    /// read of a whole header or payload checks this first; one vectorized pass over the bytes.
    /// </summary>
    internal static bool IsUtf8(ReadOnlySpan<byte> json) => Utf8.IsValid(json);

    /// <summary>
    /// For a string the reader is on that is escaped and will not be decoded (skipped, or compared without unescaping):
    /// throws <see cref="JsonException"/> when an escape encodes no Unicode text (a lone surrogate such as
    /// <c>"\ud800"</c>), so that such a string is malformed wherever it stands, as it is in a claim that is read.
    /// </summary>
    internal static void EnsureEscapesAreText(in Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return;
        }

        // Unescaped text is never longer than its escaped form.
        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = length > NameBufferSize ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented is null ? stackalloc byte[NameBufferSize] : rented;
        int written = 0;
        try
        {
            written = CopyString(in reader, buffer);
        }
        finally
        {
            // The text may be personal data, like every claim value.
            buffer.Slice(0, written).Clear();
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Classifies a <see cref="JsonException"/> of a strict read of <paramref name="part"/>: too deep, or otherwise malformed.</summary>
    internal static JwtError Failure(ref Utf8JsonReader reader, int maxDepth, string part) =>
        reader.CurrentDepth >= maxDepth - 1
            ? JwtError.Create(JwtErrorCode.JsonTooDeep, part)
            : JwtError.Create(JwtErrorCode.MalformedJson, part);

    /// <summary>Creates the strict reader state: RFC 8259 JSON only, nesting limited to <paramref name="maxDepth"/>.</summary>
    public static JsonReaderOptions ReaderOptions(int maxDepth) => new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = maxDepth,
    };

    /// <summary>
    /// Skips the value that follows the property name (or the array element) the reader is positioned on, rejecting
    /// duplicate member names at any depth inside it and arrays longer than <paramref name="maxArrayLength"/>. A string in it
    /// whose escapes encode no Unicode text is malformed JSON (<see cref="JsonException"/>), as when it is read.
    /// Leaves the reader on the value's last token.
    /// </summary>
    /// <returns>False, with an error naming <paramref name="claimName"/>, on a duplicate member or an over-long array.</returns>
    public static bool TrySkipValue(ref Utf8JsonReader reader, string? claimName, int maxArrayLength, out JwtError error)
    {
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of JSON.");
        }

        return TrySkipCurrent(ref reader, claimName, maxArrayLength, out error);
    }

    /// <summary>Skips the value the reader is on (its first token), as <see cref="TrySkipValue"/> skips the next one.</summary>
    internal static bool TrySkipCurrent(ref Utf8JsonReader reader, string? claimName, int maxArrayLength, out JwtError error)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                EnsureEscapesAreText(in reader);
                break;
            case JsonTokenType.StartObject:
                return TrySkipObject(ref reader, claimName, maxArrayLength, out error);
            case JsonTokenType.StartArray:
                int count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (++count > maxArrayLength)
                    {
                        error = JwtError.Create(JwtErrorCode.ArrayTooLong, claimName);
                        return false;
                    }

                    if (!TrySkipCurrent(ref reader, claimName, maxArrayLength, out error))
                    {
                        return false;
                    }
                }

                break;
        }

        error = default;
        return true;
    }

    private static bool TrySkipObject(ref Utf8JsonReader reader, string? claimName, int maxArrayLength, out JwtError error)
    {
        var names = new JwtMemberNameSet(stackalloc byte[NameBufferSize]);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!names.TryAdd(in reader))
                {
                    error = JwtError.Create(JwtErrorCode.DuplicateMember, claimName);
                    return false;
                }

                if (!TrySkipValue(ref reader, claimName, maxArrayLength, out error))
                {
                    return false;
                }
            }
        }
        finally
        {
            names.Dispose();
        }

        error = default;
        return true;
    }
}
