using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Reads a JOSE Protected Header (RFC 7515 §4, RFC 7516 §4) in one strict pass, before any key is used: UTF-8 text, one JSON
/// object, at most <see cref="JwtValidationPolicy.MaxHeaderParameters"/> parameters, no duplicate members at any depth (escaped
/// spellings included), strings that are Unicode text wherever they stand, and <c>crit</c> refused (TypedJwt understands no
/// extension parameter, RFC 7515 §4.1.11). The work is linear in the header's length. The header type
/// (<see cref="JwsHeader"/>, <see cref="JweHeader"/>) reads the parameters it understands; everything else is skipped strictly.
/// Parameters that would bring keys from the token itself (<c>jwk</c>, <c>jku</c>, <c>x5u</c>, <c>x5c</c>) are never used:
/// keys come only from the validator's key set.
/// </summary>
internal static class JoseHeaderReader
{
    // A kid, typ or cty longer than this cannot match anything configured.
    private const int MaxTypeLength = 128;

    public static bool TryRead<THeader>(ReadOnlySpan<byte> json, int maxDepth, scoped in JoseHeaderContext context, out THeader header, out JwtError error)
        where THeader : struct, IJoseHeader<THeader>
    {
        header = default;
        if (!JwtJson.IsUtf8(json))
        {
            error = JwtError.Create(JwtErrorCode.MalformedJson, "header");
            return false;
        }

        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(maxDepth));
        var names = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = JwtError.Create(JwtErrorCode.MalformedJson, "header");
                return false;
            }

            int count = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (++count > JwtValidationPolicy.MaxHeaderParameters)
                {
                    error = JwtError.Create(JwtErrorCode.TooManyHeaderParameters, "header");
                    return false;
                }

                if (!names.TryAdd(in reader))
                {
                    error = RegisteredNames.DuplicateMember(in reader);
                    return false;
                }

                if (JwtJson.ValueTextEquals(in reader, "crit"u8))
                {
                    error = JwtError.Create(JwtErrorCode.UnsupportedCriticalHeader);
                    return false;
                }

                if (!THeader.TryReadParameter(ref reader, ref header, in context, out bool known, out error))
                {
                    return false;
                }

                if (!known && !JwtJson.TrySkipValue(ref reader, null, JwtReadOptions.DefaultMaxArrayLength, out error))
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = JwtError.Create(JwtErrorCode.MalformedJson, "header");
                return false;
            }
        }
        catch (JsonException)
        {
            error = JwtJson.Failure(ref reader, maxDepth, "header");
            return false;
        }
        finally
        {
            names.Dispose();
        }

        error = THeader.Complete(in header);
        return error.IsNone;
    }

    /// <summary>Reads a <c>kid</c> string into the context's buffer; its length, or the buffer's length plus one when it cannot fit.</summary>
    public static bool TryReadKeyId(ref Utf8JsonReader reader, scoped in JoseHeaderContext context, out int length, out JwtError error)
    {
        length = 0;
        if (!TryRequireString(ref reader, "kid", out error))
        {
            return false;
        }

        length = reader.ValueSpan.Length <= context.KeyId.Length ? JwtJson.CopyString(in reader, context.KeyId) : context.KeyId.Length + 1;
        if (length > context.KeyId.Length)
        {
            JwtJson.EnsureEscapesAreText(in reader);
        }

        return true;
    }

    /// <summary>Reads a <c>typ</c> or <c>cty</c> string and compares it with <paramref name="required"/> as a media type (RFC 7515 §4.1.9).</summary>
    public static bool TryReadMediaType(ref Utf8JsonReader reader, string name, TokenTypeRequirement required, out bool matches, out JwtError error)
    {
        matches = false;
        if (!TryRequireString(ref reader, name, out error))
        {
            return false;
        }

        if (reader.ValueSpan.Length > MaxTypeLength)
        {
            JwtJson.EnsureEscapesAreText(in reader);
            return true;
        }

        Span<byte> buffer = stackalloc byte[MaxTypeLength];
        matches = required.Matches(buffer.Slice(0, JwtJson.CopyString(in reader, buffer)));
        return true;
    }

    /// <summary>The value must be a JSON string; otherwise the parameter has the wrong type.</summary>
    public static bool TryRequireString(ref Utf8JsonReader reader, string name, out JwtError error)
    {
        error = reader.TokenType == JsonTokenType.String ? default : JwtError.Create(JwtErrorCode.InvalidHeaderParameter, name);
        return error.IsNone;
    }

    /// <summary>
    /// Skips the value of a parameter whose place is kept for a later read (<c>epk</c>, replicated claims), strictly, as any
    /// unknown parameter is skipped; <paramref name="value"/> is where its JSON lies.
    /// </summary>
    public static bool TrySkipKept(ref Utf8JsonReader reader, string name, out Range value, out JwtError error)
    {
        int start = (int)reader.TokenStartIndex;
        if (!JwtJson.TrySkipCurrent(ref reader, name, JwtReadOptions.DefaultMaxArrayLength, out error))
        {
            value = default;
            return false;
        }

        value = new Range(start, (int)reader.BytesConsumed);
        return true;
    }
}
