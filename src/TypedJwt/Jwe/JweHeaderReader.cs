using System;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Reads a JWE Protected Header (RFC 7516 §4) in one strict pass, as <see cref="JoseHeaderReader"/> does for a JWS: one JSON
/// object, no duplicate members, <c>alg</c> and <c>enc</c> required and implemented, <c>crit</c> refused, <c>zip</c> refused
/// (RFC 8725 §3.6: compression before encryption leaks the plaintext's content through its length). Parameters that bring
/// keys from the token itself (<c>jwk</c>, <c>jku</c>, <c>x5u</c>, <c>x5c</c>) are ignored: keys come only from the validator.
/// </summary>
internal static class JweHeaderReader
{
    public static bool TryRead(
        ReadOnlySpan<byte> json,
        int maxDepth,
        ReadOnlySpan<byte> requiredType,
        Span<byte> keyIdBuffer,
        out JweHeader header,
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
            bool hasEncryption = false;
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
                else if (JwtJson.ValueTextEquals(in reader, "enc"u8))
                {
                    reader.Read();
                    if (!TryReadEncryption(ref reader, out header.Encryption, out error))
                    {
                        return false;
                    }

                    hasEncryption = true;
                }
                else if (JwtJson.ValueTextEquals(in reader, "kid"u8))
                {
                    reader.Read();
                    if (!RequireString(ref reader, "kid", out error))
                    {
                        return false;
                    }

                    // A kid longer than any configured one cannot match; it is reported as an unknown key later.
                    header.KeyIdLength = reader.ValueSpan.Length <= keyIdBuffer.Length ? JwtJson.CopyString(in reader, keyIdBuffer) : keyIdBuffer.Length + 1;
                }
                else if (JwtJson.ValueTextEquals(in reader, "typ"u8))
                {
                    reader.Read();
                    if (!RequireString(ref reader, "typ", out error))
                    {
                        return false;
                    }

                    header.TypeMatches = JoseHeaderReader.TypeEquals(ref reader, requiredType);
                }
                else if (JwtJson.ValueTextEquals(in reader, "cty"u8))
                {
                    reader.Read();
                    if (!RequireString(ref reader, "cty", out error))
                    {
                        return false;
                    }

                    header.IsNested = JoseHeaderReader.TypeEquals(ref reader, "JWT"u8);
                }
                else if (JwtJson.ValueTextEquals(in reader, "epk"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        error = JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "epk");
                        return false;
                    }

                    // The key reads the object itself; here only its place is kept (the JSON is checked well-formed by Skip).
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    header.HasEphemeralKey = true;
                    header.EphemeralKey = new Range(start, (int)reader.BytesConsumed);
                }
                else if (JwtJson.ValueTextEquals(in reader, "apu"u8) || JwtJson.ValueTextEquals(in reader, "apv"u8))
                {
                    bool isPartyU = JwtJson.ValueTextEquals(in reader, "apu"u8);
                    reader.Read();

                    // base64url never needs JSON escapes; an escaped value is not a canonical encoding.
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                    {
                        error = JwtError.Create(JwtErrorCode.InvalidHeaderParameter, isPartyU ? "apu" : "apv");
                        return false;
                    }

                    int start = (int)reader.TokenStartIndex + 1;
                    var range = new Range(start, start + reader.ValueSpan.Length);
                    if (isPartyU)
                    {
                        header.PartyUInfo = range;
                    }
                    else
                    {
                        header.PartyVInfo = range;
                    }
                }
                else if (JwtJson.ValueTextEquals(in reader, "iss"u8) || JwtJson.ValueTextEquals(in reader, "sub"u8) || JwtJson.ValueTextEquals(in reader, "aud"u8))
                {
                    // Claims replicated into the header (RFC 7519 §5.3) are kept by place and compared with the claims set later.
                    ref Range replicated = ref JwtJson.ValueTextEquals(in reader, "iss"u8) ? ref header.ReplicatedIssuer
                        : ref JwtJson.ValueTextEquals(in reader, "sub"u8) ? ref header.ReplicatedSubject
                        : ref header.ReplicatedAudience;
                    reader.Read();
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    replicated = new Range(start, (int)reader.BytesConsumed);
                }
                else if (JwtJson.ValueTextEquals(in reader, "crit"u8))
                {
                    error = JwtError.Create(JwtErrorCode.UnsupportedCriticalHeader);
                    return false;
                }
                else if (JwtJson.ValueTextEquals(in reader, "zip"u8))
                {
                    error = JwtError.Create(JwtErrorCode.CompressionRejected, "zip");
                    return false;
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

            error = !hasAlgorithm ? JwtError.Create(JwtErrorCode.MissingAlgorithm, "alg")
                : !hasEncryption ? JwtError.Create(JwtErrorCode.MissingAlgorithm, "enc")
                : default;
            return error.IsNone;
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

    private static bool RequireString(ref Utf8JsonReader reader, string name, out JwtError error)
    {
        error = reader.TokenType == JsonTokenType.String ? default : JwtError.Create(JwtErrorCode.InvalidHeaderParameter, name);
        return error.IsNone;
    }

    private static bool TryReadAlgorithm(ref Utf8JsonReader reader, out JweAlgorithm algorithm, out JwtError error)
    {
        algorithm = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            error = JwtError.Create(JwtErrorCode.MissingAlgorithm, "alg");
            return false;
        }

        Span<byte> name = stackalloc byte[32];
        int length = reader.ValueSpan.Length <= name.Length ? JwtJson.CopyString(in reader, name) : -1;
        if (length >= 0 && JweAlgorithmNames.TryParse(name.Slice(0, length), out algorithm))
        {
            error = default;
            return true;
        }

        error = length >= 0 && Ascii.EqualsIgnoreCase(name.Slice(0, length), "none"u8)
            ? JwtError.Create(JwtErrorCode.UnsecuredTokenRejected, "alg")
            : JwtError.Create(JwtErrorCode.UnsupportedAlgorithm, "alg");
        return false;
    }

    private static bool TryReadEncryption(ref Utf8JsonReader reader, out JweEncryption encryption, out JwtError error)
    {
        encryption = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            error = JwtError.Create(JwtErrorCode.MissingAlgorithm, "enc");
            return false;
        }

        Span<byte> name = stackalloc byte[32];
        int length = reader.ValueSpan.Length <= name.Length ? JwtJson.CopyString(in reader, name) : -1;
        if (length >= 0 && JweAlgorithmNames.TryParse(name.Slice(0, length), out encryption))
        {
            error = default;
            return true;
        }

        error = JwtError.Create(JwtErrorCode.UnsupportedEncryption, "enc");
        return false;
    }

    // Registered names come from constants; any other duplicated name is unescaped into a string, on this error path only.
    private static string HeaderName(ref Utf8JsonReader reader) =>
        JwtJson.ValueTextEquals(in reader, "alg"u8) ? "alg"
        : JwtJson.ValueTextEquals(in reader, "enc"u8) ? "enc"
        : JwtJson.ValueTextEquals(in reader, "kid"u8) ? "kid"
        : JwtJson.ValueTextEquals(in reader, "typ"u8) ? "typ"
        : JwtJson.ValueTextEquals(in reader, "cty"u8) ? "cty"
        : JwtJson.ValueTextEquals(in reader, "epk"u8) ? "epk"
        : JwtJson.ValueTextEquals(in reader, "apu"u8) ? "apu"
        : JwtJson.ValueTextEquals(in reader, "apv"u8) ? "apv"
        : JwtJson.GetString(ref reader);
}
