using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The strict JOSE pass over a DPoP proof header (RFC 9449 §4.3 checks 2-7), through <see cref="JoseHeaderReader"/> as every
/// header is read: one object, no duplicates at any depth, no <c>crit</c>, <c>typ</c> against <c>dpop+jwt</c>, <c>alg</c>
/// parsed (<c>none</c> is <see cref="JwtErrorCode.UnsecuredTokenRejected"/>). Here the <c>jwk</c> is the key: it must be a
/// JSON object whose key members are strings, and a private member (<c>d</c>, <c>p</c>, <c>q</c>, <c>dp</c>, <c>dq</c>,
/// <c>qi</c>, <c>oth</c>, or the symmetric <c>k</c>) refuses the proof, whatever else it holds.
/// </summary>
internal struct DpopJoseHeader : IJoseHeader<DpopJoseHeader>
{
    public JwsAlgorithm Algorithm;

    public bool HasAlgorithm;

    public bool HasKey;

    public JoseCommonParameters Common;

    static ref JoseCommonParameters IJoseHeader<DpopJoseHeader>.Common(ref DpopJoseHeader header) => ref header.Common;

    public static bool TryReadParameter(ref Utf8JsonReader reader, ref DpopJoseHeader header, scoped in JoseHeaderContext context, out bool known, out JwtError error)
    {
        known = true;
        if (JwtJson.ValueTextEquals(in reader, "alg"u8))
        {
            reader.Read();
            header.HasAlgorithm = true;
            return JoseHeaderReader.TryReadAlgorithm(ref reader, "alg", JwsAlgorithmNames.TryParse, JwtErrorCode.UnsupportedAlgorithm, out header.Algorithm, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "jwk"u8))
        {
            reader.Read();
            header.HasKey = true;
            return TryReadKey(ref reader, out error);
        }

        known = false;
        error = default;
        return true;
    }

    public static JwtError Complete(in DpopJoseHeader header) =>
        !header.HasAlgorithm ? JwtError.Create(JwtErrorCode.MissingAlgorithm, "alg")
        : !header.HasKey ? JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk")
        : default;

    private static bool TryReadKey(ref Utf8JsonReader reader, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk");
            return false;
        }

        var names = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!names.TryAdd(in reader))
                {
                    error = JwtJson.DuplicateMember(in reader);
                    return false;
                }

                if (IsPrivateMember(in reader))
                {
                    error = JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk");
                    return false;
                }

                bool isKeyMember = IsKeyMember(in reader);
                if (isKeyMember)
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk");
                        return false;
                    }
                }
                else if (!JwtJson.TrySkipValue(ref reader, "jwk", JwtReadOptions.DefaultMaxArrayLength, out error))
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

    private static bool IsPrivateMember(in Utf8JsonReader reader) =>
        JwtJson.ValueTextEquals(in reader, "d"u8) || JwtJson.ValueTextEquals(in reader, "p"u8) || JwtJson.ValueTextEquals(in reader, "q"u8)
        || JwtJson.ValueTextEquals(in reader, "dp"u8) || JwtJson.ValueTextEquals(in reader, "dq"u8) || JwtJson.ValueTextEquals(in reader, "qi"u8)
        || JwtJson.ValueTextEquals(in reader, "oth"u8) || JwtJson.ValueTextEquals(in reader, "k"u8);

    private static bool IsKeyMember(in Utf8JsonReader reader) =>
        JwtJson.ValueTextEquals(in reader, "kty"u8) || JwtJson.ValueTextEquals(in reader, "crv"u8) || JwtJson.ValueTextEquals(in reader, "x"u8)
        || JwtJson.ValueTextEquals(in reader, "y"u8) || JwtJson.ValueTextEquals(in reader, "n"u8) || JwtJson.ValueTextEquals(in reader, "e"u8);
}
