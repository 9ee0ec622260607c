namespace TypedJwt;

/// <summary>
/// The JWE key management algorithms TypedJwt implements (the <c>alg</c> header parameter, RFC 7518 §4). <c>RSA1_5</c>
/// (Bleichenbacher-prone, RFC 8725 §3.2), <c>A192KW</c>, <c>A*GCMKW</c> and <c>PBES2-*</c> are deliberately absent.
/// </summary>
public enum JweAlgorithm
{
    /// <summary><c>dir</c>: the shared symmetric key is the Content Encryption Key (RFC 7518 §4.5).</summary>
    Direct = 1,
    /// <summary><c>A128KW</c>: AES Key Wrap (RFC 3394) of the Content Encryption Key with a 128-bit key.</summary>
    A128KW,
    /// <summary><c>A256KW</c>: AES Key Wrap (RFC 3394) of the Content Encryption Key with a 256-bit key.</summary>
    A256KW,
    /// <summary><c>RSA-OAEP</c>: RSAES-OAEP with SHA-1 and MGF1 with SHA-1, for interoperability (RFC 7518 §4.3).</summary>
    RsaOaep,
    /// <summary><c>RSA-OAEP-256</c>: RSAES-OAEP with SHA-256 and MGF1 with SHA-256 (RFC 7518 §4.3).</summary>
    RsaOaep256,
    /// <summary><c>ECDH-ES</c>: ephemeral-static ECDH on P-256, P-384 or P-521; the Concat KDF output is the Content Encryption Key (RFC 7518 §4.6).</summary>
    EcdhEs,
    /// <summary><c>ECDH-ES+A128KW</c>: ephemeral-static ECDH; the Concat KDF output wraps a random Content Encryption Key with A128KW.</summary>
    EcdhEsA128KW,
    /// <summary><c>ECDH-ES+A256KW</c>: ephemeral-static ECDH; the Concat KDF output wraps a random Content Encryption Key with A256KW.</summary>
    EcdhEsA256KW,
}
