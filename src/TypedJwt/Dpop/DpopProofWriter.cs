using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Makes DPoP proofs (RFC 9449 §4.2) as a client sends them in the <c>DPoP</c> header: <c>typ</c> <c>dpop+jwt</c>, the
/// key's <c>alg</c>, its public <c>jwk</c>, a fresh random <c>jti</c>, <c>htm</c>, <c>htu</c>, <c>iat</c>, and
/// <c>ath</c> / <c>nonce</c> when given. For .NET clients, tests and benchmarks; a server only validates.
/// </summary>
public static class DpopProofWriter
{
    /// <summary>Writes a proof for one request, signed with <paramref name="key"/> (a private RSA or EC key).</summary>
    /// <param name="key">The client's private key; its public half goes into the header.</param>
    /// <param name="method">The request's method (<c>htm</c>).</param>
    /// <param name="uri">The request's URI without query and fragment (<c>htu</c>).</param>
    /// <param name="accessToken">The access token the request carries, hashed into <c>ath</c>; null on a token request.</param>
    /// <param name="nonce">The server's last <c>DPoP-Nonce</c>, or null.</param>
    /// <param name="issuedAt">The proof's <c>iat</c>; now by default.</param>
    /// <exception cref="ArgumentException">The key is symmetric or public only.</exception>
    public static string Write(JwtSigningKey key, string method, string uri, string? accessToken = null, string? nonce = null, DateTimeOffset? issuedAt = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(uri);
        if (!key.CanSign || key is HmacSigningKey)
        {
            throw new ArgumentException("A DPoP proof is signed with the client's private RSA or EC key.", nameof(key));
        }

        var payload = new DpopProof
        {
            TokenId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            HttpMethod = method,
            HttpUri = uri,
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds((issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()),
            AccessTokenHash = accessToken is null ? null : HashAccessToken(accessToken),
            Nonce = nonce,
        };
        return JwsWriter.Write(payload, new DpopProofHeader { Key = PublicKeyOf(key) }, key);
    }

    /// <summary>The <c>ath</c> of an access token: base64url(SHA-256(the token's ASCII)), RFC 9449 §4.2.</summary>
    public static string HashAccessToken(string accessToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(accessToken), hash);
        Span<byte> encoded = stackalloc byte[JwkThumbprint.Sha256Base64UrlLength];
        JwtBase64Url.Encode(hash, encoded);
        return Encoding.ASCII.GetString(encoded);
    }

    internal static bool HashMatches(string accessToken, string? ath)
    {
        if (ath is null || ath.Length != JwkThumbprint.Sha256Base64UrlLength || accessToken.Length > 64 * 1024)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        byte[] ascii = Encoding.ASCII.GetBytes(accessToken);
        SHA256.HashData(ascii, hash);
        Span<byte> expected = stackalloc byte[JwkThumbprint.Sha256Base64UrlLength];
        JwtBase64Url.Encode(hash, expected);
        Span<byte> actual = stackalloc byte[JwkThumbprint.Sha256Base64UrlLength];
        return Encoding.UTF8.GetBytes(ath, actual) == actual.Length && CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The public half of <paramref name="key"/> as the <c>jwk</c> of a proof header.</summary>
    public static DpopPublicKey PublicKeyOf(JwtSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using JsonDocument jwk = JsonDocument.Parse(key.ToPublicJwk());
        JsonElement root = jwk.RootElement;
        return new DpopPublicKey
        {
            KeyType = root.GetProperty("kty").GetString()!,
            Curve = Member(root, "crv"),
            X = Member(root, "x"),
            Y = Member(root, "y"),
            Modulus = Member(root, "n"),
            Exponent = Member(root, "e"),
        };
    }

    private static string? Member(JsonElement root, string name) => root.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
}
