using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TypedJwt.AspNetCore.Tests.Support;

/// <summary>Builds tokens byte by byte, including the malformed and hostile ones a real client never sends.</summary>
public static class TokenForge
{
    public static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    /// <summary>Signs header and payload JSON, exactly as given, with <paramref name="key"/>.</summary>
    public static string Sign(string headerJson, string payloadJson, JwtSigningKey key)
    {
        string signingInput = Segment(headerJson) + "." + Segment(payloadJson);
        byte[] signature = new byte[key.SignatureSize];
        if (!key.TrySign(Encoding.ASCII.GetBytes(signingInput), signature, out int written))
        {
            throw new InvalidOperationException("signature buffer too small");
        }

        return signingInput + "." + Base64Url.EncodeToString(signature.AsSpan(0, written));
    }

    /// <summary>Signs with HMAC-SHA256 and an arbitrary secret (the published public key, in algorithm-confusion attacks).</summary>
    public static string SignHs256(string headerJson, string payloadJson, byte[] secret)
    {
        string signingInput = Segment(headerJson) + "." + Segment(payloadJson);
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    public static string Header(string alg, string? kid, string typ = "at+jwt", string extra = "") =>
        "{" + $"\"alg\":{JsonSerializer.Serialize(alg)},\"typ\":{JsonSerializer.Serialize(typ)}"
            + (kid is null ? "" : $",\"kid\":{JsonSerializer.Serialize(kid)}") + extra + "}";

    /// <summary>An access-token payload with every claim the sample requires, each overridable.</summary>
    public static string Payload(
        string issuer, string audience, string subject = "alice", string roles = "[\"user\"]",
        DateTimeOffset? expiresAt = null, DateTimeOffset? issuedAt = null, string extra = "", bool withRoles = true)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long exp = (expiresAt ?? now.AddMinutes(5)).ToUnixTimeSeconds();
        long iat = (issuedAt ?? now).ToUnixTimeSeconds();
        return "{" + $"\"iss\":{JsonSerializer.Serialize(issuer)},\"aud\":{JsonSerializer.Serialize(audience)},\"sub\":{JsonSerializer.Serialize(subject)}," +
            $"\"exp\":{exp},\"iat\":{iat},\"jti\":\"{Guid.NewGuid():N}\"" + (withRoles ? $",\"roles\":{roles}" : "") + extra + "}";
    }
}
