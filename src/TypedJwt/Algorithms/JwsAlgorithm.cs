// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>The JWS algorithms TypedJwt implements (RFC 7518 §3). <c>none</c> is deliberately absent.</summary>
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
enum JwsAlgorithm
{
    /// <summary>HMAC with SHA-256.</summary>
    HS256 = 1,
    /// <summary>HMAC with SHA-384.</summary>
    HS384,
    /// <summary>HMAC with SHA-512.</summary>
    HS512,
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    RS256,
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-384.</summary>
    RS384,
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-512.</summary>
    RS512,
    /// <summary>RSASSA-PSS with SHA-256 and MGF1 with SHA-256.</summary>
    PS256,
    /// <summary>RSASSA-PSS with SHA-384 and MGF1 with SHA-384.</summary>
    PS384,
    /// <summary>RSASSA-PSS with SHA-512 and MGF1 with SHA-512.</summary>
    PS512,
    /// <summary>ECDSA using P-256 and SHA-256.</summary>
    ES256,
    /// <summary>ECDSA using P-384 and SHA-384.</summary>
    ES384,
    /// <summary>ECDSA using P-521 and SHA-512.</summary>
    ES512,
}
