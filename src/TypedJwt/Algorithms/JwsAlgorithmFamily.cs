// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj).
namespace TypedJwt;

/// <summary>The kind of key a JWS algorithm needs; each family has its own <see cref="JwtSigningKey"/> subclass and JWK <c>kty</c>.</summary>
internal enum JwsAlgorithmFamily
{
    /// <summary>HS256/384/512: a shared secret (<c>kty</c> <c>oct</c>).</summary>
    Hmac,
    /// <summary>RS256/384/512: RSASSA-PKCS1-v1_5 (<c>kty</c> <c>RSA</c>).</summary>
    RsaPkcs1,
    /// <summary>PS256/384/512: RSASSA-PSS (<c>kty</c> <c>RSA</c>).</summary>
    RsaPss,
    /// <summary>ES256/384/512: ECDSA over the NIST curve that matches the hash (<c>kty</c> <c>EC</c>).</summary>
    Ecdsa,
}
