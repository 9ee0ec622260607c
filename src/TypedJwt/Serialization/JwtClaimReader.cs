using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Strict readers for one claim value, called by generated <see cref="IJwtClaimSet{TSelf}.TryReadJson"/> code so that it stays
/// one line per claim. The reader is positioned on the value. A JSON token of the wrong kind (including <c>null</c>, which
/// generated code handles itself for nullable claims) is <see cref="JwtErrorCode.InvalidClaimType"/>; the right kind with a
/// value the type cannot hold is <see cref="JwtErrorCode.InvalidClaimValue"/>. Errors carry <c>claimName</c>, a constant
/// from generated code, so failing does not allocate. Used by generated code; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JwtClaimReader
{
    /// <summary>The nesting limit of <see cref="TryReadDocument{T}"/>, as the validation policy's default.</summary>
    public const int DefaultMaxDepth = 16;

    // Longest escaped form of a yyyy-MM-dd date: every character as \uXXXX.
    private const int MaxEscapedDateLength = 10 * 6;

    /// <summary>Reads a JSON string.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, string claimName, out string value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return InvalidType(claimName, out value, out error);
        }

        value = JwtJson.GetString(ref reader);
        error = default;
        return true;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, string claimName, out bool value, out JwtError error)
    {
        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            return InvalidType(claimName, out value, out error);
        }

        value = reader.TokenType == JsonTokenType.True;
        error = default;
        return true;
    }

    /// <summary>Reads a JSON number that is an integer in the <see cref="int"/> range.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, string claimName, out int value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return InvalidType(claimName, out value, out error);
        }

        return reader.TryGetInt32(out value) ? Success(out error) : InvalidValue(claimName, out value, out error);
    }

    /// <summary>Reads a JSON number that is an integer in the <see cref="long"/> range.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, string claimName, out long value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return InvalidType(claimName, out value, out error);
        }

        return reader.TryGetInt64(out value) ? Success(out error) : InvalidValue(claimName, out value, out error);
    }

    /// <summary>Reads a JSON number as a finite <see cref="double"/>.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, string claimName, out double value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return InvalidType(claimName, out value, out error);
        }

        return reader.TryGetDouble(out value) && double.IsFinite(value) ? Success(out error) : InvalidValue(claimName, out value, out error);
    }

    /// <summary>Reads a JSON number in the <see cref="decimal"/> range.</summary>
    public static bool TryReadDecimal(ref Utf8JsonReader reader, string claimName, out decimal value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return InvalidType(claimName, out value, out error);
        }

        return reader.TryGetDecimal(out value) ? Success(out error) : InvalidValue(claimName, out value, out error);
    }

    /// <summary>Reads a JSON string holding a <see cref="Guid"/> in the <c>D</c> format (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>).</summary>
    public static bool TryReadGuid(ref Utf8JsonReader reader, string claimName, out Guid value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return InvalidType(claimName, out value, out error);
        }

        return JwtJson.TryGetGuid(ref reader, out value) ? Success(out error) : InvalidValue(claimName, out value, out error);
    }

    /// <summary>Reads a NumericDate (a JSON number of seconds since the epoch; see <see cref="JwtNumericDate"/>).</summary>
    public static bool TryReadNumericDate(ref Utf8JsonReader reader, string claimName, out DateTimeOffset value, out JwtError error)
        => JwtNumericDate.TryRead(ref reader, claimName, out value, out error);

    /// <summary>Reads a JSON string holding a calendar date as <c>yyyy-MM-dd</c> (ISO 8601, as OpenID Connect's <c>birthdate</c>).</summary>
    public static bool TryReadDateOnly(ref Utf8JsonReader reader, string claimName, out DateOnly value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return InvalidType(claimName, out value, out error);
        }

        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > MaxEscapedDateLength)
        {
            return InvalidValue(claimName, out value, out error);
        }

        Span<char> text = stackalloc char[MaxEscapedDateLength];
        int written = JwtJson.CopyString(in reader, text);
        return DateOnly.TryParseExact(text.Slice(0, written), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? Success(out error)
            : InvalidValue(claimName, out value, out error);
    }

    /// <summary>Reads a JSON string holding an absolute URI.</summary>
    public static bool TryReadUri(ref Utf8JsonReader reader, string claimName, out Uri value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return InvalidType(claimName, out value, out error);
        }

        // On Unix "/path" parses as an absolute file URI; a claim that says "/path" is relative, so only an explicit
        // file: scheme yields a file URI.
        string text = JwtJson.GetString(ref reader);
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (!uri.IsFile || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            value = uri;
            error = default;
            return true;
        }

        return InvalidValue(claimName, out value, out error);
    }

    /// <summary>Reads an <c>aud</c> claim (a string or an array of strings).</summary>
    public static bool TryReadAudience(ref Utf8JsonReader reader, string claimName, in JwtReadOptions options, out JwtAudience value, out JwtError error)
        => JwtAudience.TryRead(ref reader, claimName, in options, out value, out error);

    /// <summary>Reads a space-delimited <c>scope</c> claim.</summary>
    public static bool TryReadScope(ref Utf8JsonReader reader, string claimName, out JwtScope value, out JwtError error)
        => JwtScope.TryRead(ref reader, claimName, out value, out error);

    /// <summary>Reads a nested JSON object whose type is itself a generated claim set (for example OpenID Connect's <c>address</c>).</summary>
    public static bool TryReadObject<T>(ref Utf8JsonReader reader, string claimName, in JwtReadOptions options, [MaybeNullWhen(false)] out T value, out JwtError error)
        where T : IJwtClaimSet<T>
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            value = default;
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, claimName);
            return false;
        }

        return T.TryReadJson(ref reader, in options, out value, out error);
    }

    /// <summary>
    /// Reads a JSON array of at most <see cref="JwtReadOptions.MaxArrayLength"/> elements. The elements are counted before any
    /// is read, so an oversized array costs no element work, and the result is allocated once at its exact size.
    /// </summary>
    public static bool TryReadArray<T>(ref Utf8JsonReader reader, string claimName, in JwtReadOptions options, JwtValueReader<T> readElement, [NotNullWhen(true)] out T[]? value, out JwtError error)
    {
        ArgumentNullException.ThrowIfNull(readElement);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            value = null;
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, claimName);
            return false;
        }

        // A copy of the reader walks ahead to count; the reader itself then reads each element once.
        Utf8JsonReader probe = reader;
        int count = 0;
        while (probe.Read() && probe.TokenType != JsonTokenType.EndArray)
        {
            if (++count > options.MaxArrayLength)
            {
                value = null;
                error = JwtError.Create(JwtErrorCode.ArrayTooLong, claimName);
                return false;
            }

            if (!probe.TrySkip())
            {
                throw new JsonException("The JSON ends inside an array.");
            }
        }

        T[] items = count == 0 ? Array.Empty<T>() : new T[count];
        for (int i = 0; i < count; i++)
        {
            reader.Read();
            if (!readElement(ref reader, claimName, out items[i], out error))
            {
                value = null;
                return false;
            }
        }

        reader.Read();
        value = items;
        error = default;
        return true;
    }

    /// <summary>
    /// Reads a whole UTF-8 JSON document that must be exactly one <typeparamref name="T"/> object, with the default
    /// <see cref="JwtReadOptions"/> and a nesting limit of <see cref="DefaultMaxDepth"/>. Malformed JSON (bytes that are not
    /// UTF-8 and strings that are not Unicode text included), or anything after the object, is
    /// <see cref="JwtErrorCode.MalformedJson"/>; nothing throws.
    /// </summary>
    public static bool TryReadDocument<T>(ReadOnlySpan<byte> utf8Json, [MaybeNullWhen(false)] out T value, out JwtError error)
        where T : IJwtClaimSet<T>
    {
        if (!JwtJson.IsUtf8(utf8Json))
        {
            value = default;
            error = JwtError.Create(JwtErrorCode.MalformedJson);
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json, JwtJson.ReaderOptions(DefaultMaxDepth));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                value = default;
                error = JwtError.Create(JwtErrorCode.MalformedJson);
                return false;
            }

            if (!T.TryReadJson(ref reader, JwtReadOptions.Default, out value, out error))
            {
                return false;
            }

            if (reader.Read())
            {
                value = default;
                error = JwtError.Create(JwtErrorCode.MalformedJson);
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            value = default;
            error = JwtError.Create(JwtErrorCode.MalformedJson);
            return false;
        }
    }

    /// <summary>
    /// Marks the claim <paramref name="bit"/> stands for in the reader's mask of claims seen; false with
    /// <see cref="JwtErrorCode.DuplicateMember"/> naming the claim when it was seen before. Inlined: the generated reader calls
    /// it once per claim it meets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryMarkSeen(ref ulong seen, ulong bit, string claimName, out JwtError error)
    {
        if ((seen & bit) != 0)
        {
            error = JwtError.Create(JwtErrorCode.DuplicateMember, claimName);
            return false;
        }

        seen |= bit;
        error = default;
        return true;
    }

    /// <summary>False with <see cref="JwtErrorCode.MissingClaim"/> naming the claim when its <paramref name="bit"/> is not in <paramref name="seen"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRequire(ulong seen, ulong bit, string claimName, out JwtError error)
    {
        if ((seen & bit) == 0)
        {
            error = JwtError.Create(JwtErrorCode.MissingClaim, claimName);
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>The error for a JSON <c>null</c> or other wrong token where a claim of a generated enum type was expected.</summary>
    public static bool InvalidType<T>(string claimName, out T value, out JwtError error)
    {
        value = default!;
        error = JwtError.Create(JwtErrorCode.InvalidClaimType, claimName);
        return false;
    }

    /// <summary>The error for a value of the right JSON type that the claim's type cannot hold (such as an unknown enum member).</summary>
    public static bool InvalidValue<T>(string claimName, out T value, out JwtError error)
    {
        value = default!;
        error = JwtError.Create(JwtErrorCode.InvalidClaimValue, claimName);
        return false;
    }

    private static bool Success(out JwtError error)
    {
        error = default;
        return true;
    }
}
