using System;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Reads a JWS Protected Header (RFC 7515 §4) in one strict pass: one JSON object, no duplicate members, <c>alg</c> required
/// and never <c>none</c>, <c>crit</c> refused (TypedJwt understands no extension parameter, RFC 7515 §4.1.11),
/// <c>b64: false</c> refused (RFC 7797). Header parameters that select keys from the token itself (<c>jwk</c>, <c>jku</c>,
/// <c>x5u</c>, <c>x5c</c>) are ignored: keys come only from the validator's key set.
/// </summary>
internal static class JoseHeaderReader
{
    private const int MaxTypeLength = 128;

    public static bool TryRead(
        ReadOnlySpan<byte> json,
        int maxDepth,
        ReadOnlySpan<byte> requiredType,
        Span<byte> keyIdBuffer,
        out JoseHeader header,
        out JwtError error)
    {
        header = default;
        header.KeyIdLength = -1;
        if (!JwtJson.IsUtf8(json))
        {
            error = JwtError.Create(JwtErrorCode.MalformedJson, "header");
            return false;
        }

        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(maxDepth));
        var names = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        try
        {
            bool hasAlgorithm = false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = JwtError.Create(JwtErrorCode.MalformedJson, "header");
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!names.TryAdd(in reader))
                {
                    error = JwtError.Create(JwtErrorCode.DuplicateMember, HeaderName(ref reader));
                    return false;
                }

                if (JwtJson.ValueTextEquals(in reader, "alg"u8))
                {
                    reader.Read();
                    if (!TryReadAlgorithm(ref reader, out header.Algorithm, out error))
                    {
                        return false;
                    }

                    hasAlgorithm = true;
                }
                else if (JwtJson.ValueTextEquals(in reader, "kid"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "kid");
                        return false;
                    }

                    // A kid longer than any configured one cannot match; it is reported as an unknown key later.
                    header.KeyIdLength = reader.ValueSpan.Length <= keyIdBuffer.Length ? JwtJson.CopyString(in reader, keyIdBuffer) : keyIdBuffer.Length + 1;
                }
                else if (JwtJson.ValueTextEquals(in reader, "typ"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "typ");
                        return false;
                    }

                    header.HasType = true;
                    header.TypeMatches = TypeEquals(ref reader, requiredType);
                }
                else if (JwtJson.ValueTextEquals(in reader, "crit"u8))
                {
                    error = JwtError.Create(JwtErrorCode.UnsupportedCriticalHeader);
                    return false;
                }
                else if (JwtJson.ValueTextEquals(in reader, "b64"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.False)
                    {
                        error = JwtError.Create(JwtErrorCode.UnencodedPayloadRejected, "b64");
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.True)
                    {
                        error = JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "b64");
                        return false;
                    }
                }
                else if (!JwtJson.TrySkipValue(ref reader, null, JwtReadOptions.DefaultMaxArrayLength, out error))
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = JwtError.Create(JwtErrorCode.MalformedJson, "header");
                return false;
            }

            error = hasAlgorithm ? default : JwtError.Create(JwtErrorCode.MissingAlgorithm, "alg");
            return hasAlgorithm;
        }
        catch (JsonException)
        {
            error = JwtTokenReader.JsonFailure(ref reader, maxDepth, "header");
            return false;
        }
        finally
        {
            names.Dispose();
        }
    }

    private static bool TryReadAlgorithm(ref Utf8JsonReader reader, out JwsAlgorithm algorithm, out JwtError error)
    {
        algorithm = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            error = JwtError.Create(JwtErrorCode.MissingAlgorithm, "alg");
            return false;
        }

        Span<byte> name = stackalloc byte[16];
        int length = reader.ValueSpan.Length <= name.Length ? JwtJson.CopyString(in reader, name) : -1;
        if (length >= 0 && JwsAlgorithmNames.TryParse(name.Slice(0, length), out algorithm))
        {
            error = default;
            return true;
        }

        // "none" in any letter case is the unsecured JWS of RFC 7515 §A.5, never accepted.
        error = length >= 0 && Ascii.EqualsIgnoreCase(name.Slice(0, length), "none"u8)
            ? JwtError.Create(JwtErrorCode.UnsecuredTokenRejected, "alg")
            : JwtError.Create(JwtErrorCode.UnsupportedAlgorithm, "alg");
        return false;
    }

    // RFC 7515 §4.1.9: media types compare case-insensitively and "application/" may be omitted.
    internal static bool TypeEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> requiredType)
    {
        if (reader.ValueSpan.Length > MaxTypeLength)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxTypeLength];
        ReadOnlySpan<byte> type = buffer.Slice(0, JwtJson.CopyString(in reader, buffer));
        ReadOnlySpan<byte> prefix = "application/"u8;
        if (type.Length > prefix.Length && Ascii.EqualsIgnoreCase(type.Slice(0, prefix.Length), prefix))
        {
            type = type.Slice(prefix.Length);
        }

        return Ascii.EqualsIgnoreCase(type, requiredType);
    }

    // Registered names come from constants; any other duplicated name is unescaped into a string, on this error path only.
    private static string HeaderName(ref Utf8JsonReader reader) =>
        JwtJson.ValueTextEquals(in reader, "alg"u8) ? "alg"
        : JwtJson.ValueTextEquals(in reader, "kid"u8) ? "kid"
        : JwtJson.ValueTextEquals(in reader, "typ"u8) ? "typ"
        : JwtJson.ValueTextEquals(in reader, "crit"u8) ? "crit"
        : JwtJson.GetString(ref reader);
}
