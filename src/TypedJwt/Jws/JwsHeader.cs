using System;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// What the token reader needs from a JWS Protected Header (RFC 7515 §4.1), read without allocating: <c>alg</c> (required,
/// implemented, never <c>none</c>), <c>kid</c>, <c>typ</c>, and <c>b64</c>, whose <c>false</c> (RFC 7797) is refused.
/// </summary>
internal struct JwsHeader : IJoseHeader<JwsHeader>
{
    /// <summary>The <c>alg</c> parameter.</summary>
    public JwsAlgorithm Algorithm;

    /// <summary>Whether the header has <c>alg</c>.</summary>
    public bool HasAlgorithm;

    /// <summary>Whether the header has a <c>kid</c>.</summary>
    public bool HasKeyId;

    /// <summary>Length of the unescaped <c>kid</c> in the caller's buffer (longer than the buffer when it did not fit).</summary>
    public int KeyIdLength;

    /// <summary>Whether the header has a <c>typ</c> parameter.</summary>
    public bool HasType;

    /// <summary>Whether <c>typ</c> is the required token type.</summary>
    public bool TypeMatches;

    public static bool TryReadParameter(ref Utf8JsonReader reader, ref JwsHeader header, scoped in JoseHeaderContext context, out bool known, out JwtError error)
    {
        known = true;
        if (JwtJson.ValueTextEquals(in reader, "alg"u8))
        {
            reader.Read();
            header.HasAlgorithm = true;
            return TryReadAlgorithm(ref reader, out header.Algorithm, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "kid"u8))
        {
            reader.Read();
            header.HasKeyId = true;
            return JoseHeaderReader.TryReadKeyId(ref reader, in context, out header.KeyIdLength, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "typ"u8))
        {
            reader.Read();
            header.HasType = true;
            return JoseHeaderReader.TryReadMediaType(ref reader, "typ", context.Type, out header.TypeMatches, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "b64"u8))
        {
            reader.Read();
            error = reader.TokenType switch
            {
                JsonTokenType.True => default,
                JsonTokenType.False => JwtError.Create(JwtErrorCode.UnencodedPayloadRejected, "b64"),
                _ => JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "b64"),
            };
            return error.IsNone;
        }

        known = false;
        error = default;
        return true;
    }

    public static JwtError Complete(in JwsHeader header) =>
        header.HasAlgorithm ? default : JwtError.Create(JwtErrorCode.MissingAlgorithm, "alg");

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

        JwtJson.EnsureEscapesAreText(in reader);

        // "none" in any letter case is the unsecured JWS of RFC 7515 §A.5, never accepted.
        error = length >= 0 && Ascii.EqualsIgnoreCase(name.Slice(0, length), "none"u8)
            ? JwtError.Create(JwtErrorCode.UnsecuredTokenRejected, "alg")
            : JwtError.Create(JwtErrorCode.UnsupportedAlgorithm, "alg");
        return false;
    }
}
