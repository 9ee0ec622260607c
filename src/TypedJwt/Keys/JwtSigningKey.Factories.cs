using System;
using System.Security.Cryptography;
using System.Text;

namespace TypedJwt;

// The only ways to make a key: each factory checks that the algorithm belongs to the key's family, so a key can never be
// bound to an algorithm it was not made for (RFC 8725 §3.1).
public abstract partial class JwtSigningKey
{
    /// <summary>Creates an HS256, HS384 or HS512 key from a shared secret. The bytes are copied.</summary>
    /// <param name="algorithm">HS256, HS384 or HS512.</param>
    /// <param name="key">The secret; at least as long as the hash output (32, 48 or 64 bytes, RFC 7518 §3.2).</param>
    /// <param name="keyId">The <c>kid</c>, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not an HMAC algorithm, or the key is too short.</exception>
    public static JwtSigningKey CreateHmac(JwsAlgorithm algorithm, ReadOnlySpan<byte> key, string? keyId = null)
    {
        RequireFamily(algorithm, nameof(CreateHmac), "HS256, HS384 or HS512", JwsAlgorithmFamily.Hmac);
        return new HmacSigningKey(algorithm, key, keyId);
    }

    /// <summary>
    /// Creates an RS256/384/512 or PS256/384/512 key over <paramref name="rsa"/>. The key uses that instance (it is not
    /// copied, so keys in hardware or non-exportable stores work); do not dispose it while the key is in use. A public-only
    /// <paramref name="rsa"/> makes a key that verifies but cannot sign.
    /// </summary>
    /// <param name="rsa">The RSA key; its modulus must be at least 2048 bits.</param>
    /// <param name="algorithm">RS256, RS384, RS512, PS256, PS384 or PS512.</param>
    /// <param name="keyId">The <c>kid</c>, or null.</param>
    /// <exception cref="ArgumentException">The algorithm is not an RSA algorithm, the modulus is shorter than 2048 bits, or the public exponent is unusable.</exception>
    public static JwtSigningKey FromRsa(RSA rsa, JwsAlgorithm algorithm, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        RequireFamily(algorithm, nameof(FromRsa), "RS256, RS384, RS512, PS256, PS384 or PS512", JwsAlgorithmFamily.RsaPkcs1, JwsAlgorithmFamily.RsaPss);
        return new RsaSigningKey(rsa, algorithm, keyId, canSign: null);
    }

    /// <summary>
    /// Creates an ES256 (P-256), ES384 (P-384) or ES512 (P-521) key over <paramref name="ecdsa"/>. The key uses that
    /// instance; do not dispose it while the key is in use. A public-only <paramref name="ecdsa"/> makes a key that verifies
    /// but cannot sign.
    /// </summary>
    /// <param name="ecdsa">The EC key; it must be on the curve the algorithm names.</param>
    /// <param name="algorithm">ES256, ES384 or ES512.</param>
    /// <param name="keyId">The <c>kid</c>, or null.</param>
    /// <exception cref="ArgumentException">The algorithm is not an ECDSA algorithm, or the key is on another curve.</exception>
    public static JwtSigningKey FromECDsa(ECDsa ecdsa, JwsAlgorithm algorithm, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(ecdsa);
        RequireFamily(algorithm, nameof(FromECDsa), "ES256, ES384 or ES512", JwsAlgorithmFamily.Ecdsa);
        return new EcdsaSigningKey(ecdsa, algorithm, keyId, canSign: null);
    }

    /// <summary>
    /// Reads one JWK (RFC 7517) of <c>kty</c> <c>oct</c>, <c>RSA</c> or <c>EC</c>. The JWK must carry <c>alg</c>, the one
    /// algorithm the key is bound to; <c>kid</c> becomes <see cref="KeyId"/>. Private members make a key that can sign.
    /// </summary>
    /// <param name="json">The JWK as JSON text.</param>
    /// <exception cref="ArgumentException">The JSON is malformed or the key is refused; the message names the member at fault and never contains key material.</exception>
    public static JwtSigningKey FromJwk(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJwk(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads one JWK (RFC 7517) given as UTF-8 JSON; see <see cref="FromJwk(string)"/>.</summary>
    /// <param name="utf8Json">The JWK as UTF-8 JSON.</param>
    /// <exception cref="ArgumentException">The JSON is malformed or the key is refused; the message names the member at fault and never contains key material.</exception>
    public static JwtSigningKey FromJwk(ReadOnlySpan<byte> utf8Json) => JsonWebKeyReader.ReadKey(utf8Json);

    private static void RequireFamily(JwsAlgorithm algorithm, string factory, string expected, params JwsAlgorithmFamily[] families)
    {
        if (!Enum.IsDefined(algorithm) || Array.IndexOf(families, JwsAlgorithmParameters.GetFamily(algorithm)) < 0)
        {
            throw new ArgumentException($"{factory} makes {expected} keys; it cannot make a key for {algorithm}.", nameof(algorithm));
        }
    }
}
