namespace TypedJwt;

/// <summary>The JWE content encryption algorithms TypedJwt implements (the <c>enc</c> header parameter, RFC 7518 §5). The 192-bit variants are absent.</summary>
public enum JweEncryption
{
    /// <summary><c>A128GCM</c>: AES-GCM with a 128-bit key (RFC 7518 §5.3).</summary>
    A128GCM = 1,
    /// <summary><c>A256GCM</c>: AES-GCM with a 256-bit key (RFC 7518 §5.3).</summary>
    A256GCM,
    /// <summary><c>A128CBC-HS256</c>: AES-128-CBC with HMAC SHA-256 truncated to 128 bits (RFC 7518 §5.2.3).</summary>
    A128CbcHS256,
    /// <summary><c>A256CBC-HS512</c>: AES-256-CBC with HMAC SHA-512 truncated to 256 bits (RFC 7518 §5.2.5).</summary>
    A256CbcHS512,
}
