using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// What the JWE reader needs from a JWE Protected Header (RFC 7516 §4), read without allocating: <c>alg</c> and <c>enc</c>
/// (required and implemented), <c>kid</c> and <c>typ</c> (read by the shared header read), <c>cty</c>, the key agreement parameters <c>epk</c>, <c>apu</c>,
/// <c>apv</c>, and claims replicated into the header (RFC 7519 §5.3). <c>zip</c> is refused (RFC 8725 §3.6: compression
/// before encryption leaks the plaintext through its length). Values read later (<c>epk</c>, replicated claims) are kept
/// by place, after a strict skip: duplicates and invalid escapes inside them are refused here like anywhere else.
/// </summary>
internal struct JweHeader : IJoseHeader<JweHeader>
{
    /// <summary>The <c>alg</c> parameter.</summary>
    public JweAlgorithm Algorithm;

    /// <summary>The <c>enc</c> parameter.</summary>
    public JweEncryption Encryption;

    /// <summary>Whether the header has <c>alg</c>.</summary>
    public bool HasAlgorithm;

    /// <summary>Whether the header has <c>enc</c>.</summary>
    public bool HasEncryption;

    /// <summary>The <c>kid</c> and <c>typ</c>.</summary>
    public JoseCommonParameters Common;

    /// <summary>Whether the header has <c>cty</c> equal to <c>JWT</c> (a media type, RFC 7519 §5.2): the plaintext is a nested token.</summary>
    public bool IsNested;

    /// <summary>Whether the header has <c>epk</c>, the ephemeral public key of ECDH-ES (RFC 7518 §4.6.1.1).</summary>
    public bool HasEphemeralKey;

    /// <summary>Where the <c>epk</c> JSON object lies in the header JSON.</summary>
    public Range EphemeralKey;

    /// <summary>Where the still-encoded <c>apu</c> (Agreement PartyUInfo) string lies in the header JSON; empty when absent.</summary>
    public Range PartyUInfo;

    /// <summary>Where the still-encoded <c>apv</c> (Agreement PartyVInfo) string lies in the header JSON; empty when absent.</summary>
    public Range PartyVInfo;

    /// <summary>Where the raw JSON value of a replicated <c>iss</c> lies in the header JSON (RFC 7519 §5.3); empty when absent.</summary>
    public Range ReplicatedIssuer;

    /// <summary>Where the raw JSON value of a replicated <c>sub</c> lies in the header JSON; empty when absent.</summary>
    public Range ReplicatedSubject;

    /// <summary>Where the raw JSON value of a replicated <c>aud</c> lies in the header JSON; empty when absent.</summary>
    public Range ReplicatedAudience;

    private static readonly TokenTypeRequirement NestedContentType = TokenTypeRequirement.For("JWT");

    static ref JoseCommonParameters IJoseHeader<JweHeader>.Common(ref JweHeader header) => ref header.Common;

    public static bool TryReadParameter(ref Utf8JsonReader reader, ref JweHeader header, scoped in JoseHeaderContext context, out bool known, out JwtError error)
    {
        known = true;
        if (JwtJson.ValueTextEquals(in reader, "alg"u8))
        {
            reader.Read();
            header.HasAlgorithm = true;
            return JoseHeaderReader.TryReadAlgorithm(ref reader, "alg", JweAlgorithmNames.TryParse, JwtErrorCode.UnsupportedAlgorithm, out header.Algorithm, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "enc"u8))
        {
            reader.Read();
            header.HasEncryption = true;
            return JoseHeaderReader.TryReadAlgorithm(ref reader, "enc", JweAlgorithmNames.TryParse, JwtErrorCode.UnsupportedEncryption, out header.Encryption, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "cty"u8))
        {
            reader.Read();
            return JoseHeaderReader.TryReadMediaType(ref reader, "cty", NestedContentType, out header.IsNested, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "epk"u8))
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                error = JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "epk");
                return false;
            }

            header.HasEphemeralKey = true;
            return JoseHeaderReader.TrySkipKept(ref reader, "epk", out header.EphemeralKey, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "apu"u8))
        {
            reader.Read();
            return TryReadPartyInfo(ref reader, "apu", out header.PartyUInfo, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "apv"u8))
        {
            reader.Read();
            return TryReadPartyInfo(ref reader, "apv", out header.PartyVInfo, out error);
        }

        if (JwtJson.ValueTextEquals(in reader, "zip"u8))
        {
            error = JwtError.Create(JwtErrorCode.CompressionRejected, "zip");
            return false;
        }

        // Claims replicated into the header (RFC 7519 §5.3) are kept by place and compared with the claims set later.
        string? replicated = JwtJson.ValueTextEquals(in reader, "iss"u8) ? "iss"
            : JwtJson.ValueTextEquals(in reader, "sub"u8) ? "sub"
            : JwtJson.ValueTextEquals(in reader, "aud"u8) ? "aud"
            : null;
        if (replicated is not null)
        {
            ref Range place = ref replicated == "iss" ? ref header.ReplicatedIssuer
                : ref replicated == "sub" ? ref header.ReplicatedSubject
                : ref header.ReplicatedAudience;
            reader.Read();
            return JoseHeaderReader.TrySkipKept(ref reader, replicated, out place, out error);
        }

        known = false;
        error = default;
        return true;
    }

    public static JwtError Complete(in JweHeader header) =>
        !header.HasAlgorithm ? JwtError.Create(JwtErrorCode.MissingAlgorithm, "alg")
        : !header.HasEncryption ? JwtError.Create(JwtErrorCode.MissingAlgorithm, "enc")
        : default;

    // base64url never needs JSON escapes; an escaped value is not a canonical encoding.
    private static bool TryReadPartyInfo(ref Utf8JsonReader reader, string name, out Range value, out JwtError error)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            error = JwtError.Create(JwtErrorCode.InvalidHeaderParameter, name);
            return false;
        }

        int start = (int)reader.TokenStartIndex + 1;
        value = new Range(start, start + reader.ValueSpan.Length);
        error = default;
        return true;
    }
}
