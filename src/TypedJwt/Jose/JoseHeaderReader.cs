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
    // A typ or cty longer than this cannot match anything configured.
    private const int MaxTypeLength = 128;

    // Longer than every JWS and JWE algorithm name.
    private const int MaxAlgorithmLength = 32;

    /// <summary>Parses an unescaped algorithm name, as <see cref="JwsAlgorithmNames.TryParse"/> and <see cref="JweAlgorithmNames"/> do.</summary>
    public delegate bool AlgorithmParser<TAlgorithm>(ReadOnlySpan<byte> utf8Name, out TAlgorithm algorithm);

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

                if (!TryReadCommon(ref reader, ref THeader.Common(ref header), in context, out bool known, out error)
                    || (!known && !THeader.TryReadParameter(ref reader, ref header, in context, out known, out error)))
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

    // kid into the context's buffer (its length, or the buffer's length plus one when it cannot fit); typ compared as a media type.
    private static bool TryReadCommon(ref Utf8JsonReader reader, ref JoseCommonParameters common, scoped in JoseHeaderContext context, out bool known, out JwtError error)
    {
        known = true;
        if (JwtJson.ValueTextEquals(in reader, "kid"u8))
        {
            reader.Read();
            common.HasKeyId = true;
            if (!TryRequireString(ref reader, "kid", out error))
            {
                return false;
            }

            common.KeyIdLength = reader.ValueSpan.Length <= context.KeyId.Length ? JwtJson.CopyString(in reader, context.KeyId) : context.KeyId.Length + 1;
            if (common.KeyIdLength > context.KeyId.Length)
            {
                JwtJson.EnsureEscapesAreText(in reader);
            }

            return true;
        }

        if (JwtJson.ValueTextEquals(in reader, "typ"u8))
        {
            reader.Read();
            common.HasType = true;
            return TryReadMediaType(ref reader, "typ", context.Type, out common.TypeMatches, out error);
        }

        known = false;
        error = default;
        return true;
    }

    /// <summary>
    /// Reads an algorithm name (<c>alg</c>, <c>enc</c>) into a stack buffer and parses it with
    /// <paramref name="parse"/>; a name that is not a string is <see cref="JwtErrorCode.MissingAlgorithm"/>, one that does not
    /// parse is <paramref name="unsupported"/>, and an <c>alg</c> of <c>none</c> in any case is <see cref="JwtErrorCode.UnsecuredTokenRejected"/>.
    /// </summary>
    public static bool TryReadAlgorithm<TAlgorithm>(
        ref Utf8JsonReader reader, string parameter, AlgorithmParser<TAlgorithm> parse, JwtErrorCode unsupported, out TAlgorithm algorithm, out JwtError error)
        where TAlgorithm : struct
    {
        algorithm = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            error = JwtError.Create(JwtErrorCode.MissingAlgorithm, parameter);
            return false;
        }

        Span<byte> name = stackalloc byte[MaxAlgorithmLength];
        int length = reader.ValueSpan.Length <= name.Length ? JwtJson.CopyString(in reader, name) : -1;
        if (length >= 0 && parse(name.Slice(0, length), out algorithm))
        {
            error = default;
            return true;
        }

        JwtJson.EnsureEscapesAreText(in reader);

        // "none" in any letter case is the unsecured JWS of RFC 7515 §A.5, never accepted.
        error = unsupported == JwtErrorCode.UnsupportedAlgorithm && length >= 0 && System.Text.Ascii.EqualsIgnoreCase(name.Slice(0, length), "none"u8)
            ? JwtError.Create(JwtErrorCode.UnsecuredTokenRejected, parameter)
            : JwtError.Create(unsupported, parameter);
        return false;
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
