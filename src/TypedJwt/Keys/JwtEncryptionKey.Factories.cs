using System;
using System.Security.Cryptography;
using System.Text;

namespace TypedJwt;

// The only ways to make an encryption key: each factory checks that the algorithm belongs to the key's kind and binds the
// key to one alg and one enc, so a key can never be used with an algorithm it was not made for (RFC 8725 §3.1).
public abstract partial class JwtEncryptionKey
{
    /// <summary>Creates a <c>dir</c> key: the shared key is the Content Encryption Key (RFC 7518 §4.5). The bytes are copied.</summary>
    /// <param name="encryption">The content encryption algorithm.</param>
    /// <param name="key">The key: 16 bytes for A128GCM, 32 for A256GCM and A128CBC-HS256, 64 for A256CBC-HS512.</param>
    /// <param name="keyId">The <c>kid</c>, or null.</param>
    /// <exception cref="ArgumentException">The encryption algorithm is not defined, or the key has the wrong size.</exception>
    public static JwtEncryptionKey CreateDirect(JweEncryption encryption, ReadOnlySpan<byte> key, string? keyId = null)
    {
        RequireDefined(encryption);
        return new DirectEncryptionKey(encryption, key, keyId);
    }

    /// <summary>Creates an A128KW or A256KW key: each token gets a random Content Encryption Key wrapped with this key (RFC 7518 §4.4).</summary>
    /// <param name="algorithm">A128KW or A256KW.</param>
    /// <param name="encryption">The content encryption algorithm.</param>
    /// <param name="key">The key-encryption key: 16 bytes for A128KW, 32 for A256KW. The bytes are copied.</param>
    /// <param name="keyId">The <c>kid</c>, or null.</param>
    /// <exception cref="ArgumentException">The algorithm is not an AES Key Wrap algorithm, or the key has the wrong size.</exception>
    public static JwtEncryptionKey CreateAesKeyWrap(JweAlgorithm algorithm, JweEncryption encryption, ReadOnlySpan<byte> key, string? keyId = null)
    {
        if (algorithm is not (JweAlgorithm.A128KW or JweAlgorithm.A256KW))
        {
            throw new ArgumentException($"{nameof(CreateAesKeyWrap)} makes A128KW or A256KW keys; it cannot make a key for {algorithm}.", nameof(algorithm));
        }

        RequireDefined(encryption);
        return new AesKeyWrapEncryptionKey(algorithm, encryption, key, keyId);
    }

    /// <summary>
    /// Creates an RSA-OAEP-256 (or, for interoperability, RSA-OAEP) key over <paramref name="rsa"/>. The key uses that instance;
    /// do not dispose it while the key is in use. A public-only <paramref name="rsa"/> makes a key that encrypts but cannot decrypt.
    /// </summary>
    /// <param name="rsa">The RSA key; its modulus must be at least 2048 bits.</param>
    /// <param name="algorithm">RsaOaep256 or RsaOaep.</param>
    /// <param name="encryption">The content encryption algorithm.</param>
    /// <param name="keyId">The <c>kid</c>, or null.</param>
    /// <exception cref="ArgumentException">The algorithm is not an RSA algorithm, the modulus is shorter than 2048 bits, or the public exponent is unusable.</exception>
    public static JwtEncryptionKey FromRsa(RSA rsa, JweAlgorithm algorithm, JweEncryption encryption, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        if (algorithm is not (JweAlgorithm.RsaOaep or JweAlgorithm.RsaOaep256))
        {
            throw new ArgumentException($"{nameof(FromRsa)} makes RSA-OAEP-256 or RSA-OAEP keys; it cannot make a key for {algorithm}.", nameof(algorithm));
        }

        RequireDefined(encryption);
        return new RsaOaepEncryptionKey(rsa, algorithm, encryption, keyId, canDecrypt: null);
    }

    /// <summary>
    /// Creates an ECDH-ES, ECDH-ES+A128KW or ECDH-ES+A256KW key over <paramref name="ecdh"/> (P-256, P-384 or P-521). The key
    /// uses that instance; do not dispose it while the key is in use. A public-only <paramref name="ecdh"/> makes a key
    /// that encrypts but cannot decrypt.
    /// </summary>
    /// <param name="ecdh">The recipient's EC key.</param>
    /// <param name="algorithm">EcdhEs, EcdhEsA128KW or EcdhEsA256KW.</param>
    /// <param name="encryption">The content encryption algorithm.</param>
    /// <param name="keyId">The <c>kid</c>, or null.</param>
    /// <exception cref="ArgumentException">The algorithm is not an ECDH-ES algorithm, or the key is not on P-256, P-384 or P-521.</exception>
    public static JwtEncryptionKey FromECDiffieHellman(ECDiffieHellman ecdh, JweAlgorithm algorithm, JweEncryption encryption, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(ecdh);
        if (!JweAlgorithmParameters.IsEcdh(algorithm))
        {
            throw new ArgumentException(
                $"{nameof(FromECDiffieHellman)} makes ECDH-ES, ECDH-ES+A128KW or ECDH-ES+A256KW keys; it cannot make a key for {algorithm}.", nameof(algorithm));
        }

        RequireDefined(encryption);
        return new EcdhEncryptionKey(ecdh, algorithm, encryption, keyId, canDecrypt: null);
    }

    /// <summary>
    /// Reads one JWK (RFC 7517) meant for encryption: <c>kty</c> <c>oct</c> with <c>alg</c> A128KW, A256KW, <c>dir</c> or the
    /// <c>enc</c> name itself (a <c>dir</c> key as in RFC 7520 §5.6), or <c>kty</c> <c>RSA</c> with <c>alg</c> RSA-OAEP-256 or
    /// RSA-OAEP, or <c>kty</c> <c>EC</c> (P-256, P-384, P-521) with <c>alg</c> ECDH-ES, ECDH-ES+A128KW or ECDH-ES+A256KW. The JWK must carry <c>alg</c>; <c>use</c>, when present, must be <c>enc</c>. The key is bound to that
    /// <c>alg</c> and to <paramref name="encryption"/>, which a JWK cannot express.
    /// </summary>
    /// <param name="json">The JWK as JSON text.</param>
    /// <param name="encryption">The content encryption algorithm the key is used with.</param>
    /// <exception cref="ArgumentException">The JSON is malformed or the key is refused; the message names the member at fault and never contains key material.</exception>
    public static JwtEncryptionKey FromJwk(string json, JweEncryption encryption)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJwk(Encoding.UTF8.GetBytes(json), encryption);
    }

    /// <summary>Reads one encryption JWK given as UTF-8 JSON; see <see cref="FromJwk(string, JweEncryption)"/>.</summary>
    /// <param name="utf8Json">The JWK as UTF-8 JSON.</param>
    /// <param name="encryption">The content encryption algorithm the key is used with.</param>
    /// <exception cref="ArgumentException">The JSON is malformed or the key is refused; the message names the member at fault and never contains key material.</exception>
    public static JwtEncryptionKey FromJwk(ReadOnlySpan<byte> utf8Json, JweEncryption encryption)
    {
        RequireDefined(encryption);
        return JsonWebKeyReader.ReadKey(utf8Json, jwk => EncryptionKeyImporter.Import(jwk, encryption));
    }

    private static void RequireDefined(JweEncryption encryption)
    {
        if (!Enum.IsDefined(encryption))
        {
            throw new ArgumentException($"{encryption} is not a content encryption algorithm TypedJwt implements.", nameof(encryption));
        }
    }
}
