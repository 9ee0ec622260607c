using System;

namespace TypedJwt;

/// <summary>What each JWE algorithm needs in sizes (RFC 7518 §4, §5): one table for the keys, the writer and the reader.</summary>
internal static class JweAlgorithmParameters
{
    /// <summary>The Content Encryption Key size in bytes: for CBC-HMAC the MAC key and the AES key together (RFC 7518 §5.2).</summary>
    internal static int GetContentKeySize(JweEncryption encryption) => encryption switch
    {
        JweEncryption.A128GCM => 16,
        JweEncryption.A256GCM => 32,
        JweEncryption.A128CbcHS256 => 32,
        JweEncryption.A256CbcHS512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(encryption)),
    };

    /// <summary>The Initialization Vector size: 96 bits for GCM (RFC 7518 §5.3), one AES block for CBC (§5.2.2.1).</summary>
    internal static int GetIvSize(JweEncryption encryption) => IsCbcHmac(encryption) ? 16 : 12;

    /// <summary>The Authentication Tag size: 128 bits for GCM, half the HMAC output for CBC-HMAC (RFC 7518 §5.2.3, §5.2.5).</summary>
    internal static int GetTagSize(JweEncryption encryption) => encryption == JweEncryption.A256CbcHS512 ? 32 : 16;

    internal static bool IsCbcHmac(JweEncryption encryption) =>
        encryption is JweEncryption.A128CbcHS256 or JweEncryption.A256CbcHS512;

    /// <summary>The key-encryption key size of an AES Key Wrap algorithm.</summary>
    internal static int GetKeyWrapKeySize(JweAlgorithm algorithm) => algorithm switch
    {
        JweAlgorithm.A128KW or JweAlgorithm.EcdhEsA128KW => 16,
        JweAlgorithm.A256KW or JweAlgorithm.EcdhEsA256KW => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    internal static bool IsEcdh(JweAlgorithm algorithm) =>
        algorithm is JweAlgorithm.EcdhEs or JweAlgorithm.EcdhEsA128KW or JweAlgorithm.EcdhEsA256KW;

    /// <summary>
    /// Whether the algorithm encrypts to a public key (RSA-OAEP, ECDH-ES): anyone holding that key can make a token, so such a
    /// token proves nothing about its sender. Only <c>dir</c> and AES Key Wrap keys are shared secrets.
    /// </summary>
    internal static bool IsPublicKeyEncryption(JweAlgorithm algorithm) =>
        algorithm is JweAlgorithm.RsaOaep or JweAlgorithm.RsaOaep256 || IsEcdh(algorithm);

    /// <summary>The largest Content Encryption Key of any <see cref="JweEncryption"/>, for stack buffers.</summary>
    internal const int MaxContentKeySize = 64;
}
