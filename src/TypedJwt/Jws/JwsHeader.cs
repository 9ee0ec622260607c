using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// What the token reader needs from a JWS Protected Header (RFC 7515 §4.1), read without allocating: <c>alg</c> (required,
/// implemented, never <c>none</c>), <c>kid</c> and <c>typ</c> (read by the shared header read), and <c>b64</c>, whose
/// <c>false</c> (RFC 7797) is refused.
/// </summary>
internal struct JwsHeader : IJoseHeader<JwsHeader>
{
    /// <summary>The <c>alg</c> parameter.</summary>
    public JwsAlgorithm Algorithm;

    /// <summary>Whether the header has <c>alg</c>.</summary>
    public bool HasAlgorithm;

    /// <summary>The <c>kid</c> and <c>typ</c>.</summary>
    public JoseCommonParameters Common;

    static ref JoseCommonParameters IJoseHeader<JwsHeader>.Common(ref JwsHeader header) => ref header.Common;

    public static bool TryReadParameter(ref Utf8JsonReader reader, ref JwsHeader header, scoped in JoseHeaderContext context, out bool known, out JwtError error)
    {
        known = true;
        if (JwtJson.ValueTextEquals(in reader, "alg"u8))
        {
            reader.Read();
            header.HasAlgorithm = true;
            return JoseHeaderReader.TryReadAlgorithm(ref reader, "alg", JwsAlgorithmNames.TryParse, JwtErrorCode.UnsupportedAlgorithm, out header.Algorithm, out error);
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
}
