using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// RFC 7519 §5.3: a JWE header may replicate <c>iss</c>, <c>sub</c> or <c>aud</c> in the clear, and the application must check
/// that they equal the claims inside. Here a replicated claim must appear in the claims set with byte-identical JSON; a
/// producer that re-encodes the value differently is refused rather than trusted, since the header is what a reader
/// without the key would act on.
/// </summary>
internal static class ReplicatedClaims
{
    /// <summary>The check for an opened JWE or nested token, whose parts lie in <paramref name="scratch"/>.</summary>
    public static JwtError Check(ReadOnlySpan<byte> scratch, in TokenParts parts, int maxDepth) =>
        Check(scratch[parts.ProtectedHeader], in parts.Encryption, scratch[parts.Payload], maxDepth);

    public static JwtError Check(ReadOnlySpan<byte> headerJson, in JweHeader header, ReadOnlySpan<byte> claimsJson, int maxDepth)
    {
        if (IsEmpty(header.ReplicatedIssuer) && IsEmpty(header.ReplicatedSubject) && IsEmpty(header.ReplicatedAudience))
        {
            return default;
        }

        Range issuer = default, subject = default, audience = default;
        var reader = new Utf8JsonReader(claimsJson, JwtJson.ReaderOptions(maxDepth));
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ref Range found = ref JwtJson.ValueTextEquals(in reader, "iss"u8) ? ref issuer
                    : ref JwtJson.ValueTextEquals(in reader, "sub"u8) ? ref subject
                    : ref audience;
                bool known = JwtJson.ValueTextEquals(in reader, "iss"u8) || JwtJson.ValueTextEquals(in reader, "sub"u8) || JwtJson.ValueTextEquals(in reader, "aud"u8);
                reader.Read();
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (known)
                {
                    found = new Range(start, (int)reader.BytesConsumed);
                }
            }
        }
        catch (JsonException)
        {
            // The claims were already read strictly; malformed JSON cannot reach here, but is never treated as a match.
            return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
        }

        return !Matches(headerJson, header.ReplicatedIssuer, claimsJson, issuer) ? JwtError.Create(JwtErrorCode.ReplicatedClaimMismatch, "iss")
            : !Matches(headerJson, header.ReplicatedSubject, claimsJson, subject) ? JwtError.Create(JwtErrorCode.ReplicatedClaimMismatch, "sub")
            : !Matches(headerJson, header.ReplicatedAudience, claimsJson, audience) ? JwtError.Create(JwtErrorCode.ReplicatedClaimMismatch, "aud")
            : default;
    }

    private static bool Matches(ReadOnlySpan<byte> headerJson, Range replicated, ReadOnlySpan<byte> claimsJson, Range claim) =>
        IsEmpty(replicated) || (!IsEmpty(claim) && headerJson[replicated].SequenceEqual(claimsJson[claim]));

    private static bool IsEmpty(Range range) => range.Start.Value == range.End.Value;
}
