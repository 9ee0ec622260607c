// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>
/// Marks a <c>partial</c> record, class or struct as the payload (JWT Claims Set) of a token type.
/// The TypedJwt source generator emits its serializer, reader and constraint validator.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
sealed class JwtPayloadAttribute : System.Attribute
{
    /// <summary>
    /// The <c>typ</c> header parameter the type is issued with and that is required on read
    /// (RFC 8725 §3.11, e.g. <c>at+jwt</c> from RFC 9068). When null, tokens are issued with <c>typ: JWT</c>
    /// and <c>typ</c> is not checked on read.
    /// </summary>
    public string? TokenType { get; set; }

    /// <summary>True when the token is a JWE (or nested sign-then-encrypt JWT): the payload is not readable without the key.</summary>
    public bool Encrypted { get; set; }

    /// <summary>
    /// True when tokens of this type can be revoked one by one or used once: they are identified by their issuer and
    /// <c>jti</c> (RFC 7519 §4.1.7), so the type must declare a required <c>jti</c> claim (TJ0020 otherwise) and a token
    /// without one is refused on read. Revocation checks (<c>AddRevocation</c> in TypedJwt.AspNetCore) then require
    /// <c>jti</c> for this type without being told.
    /// </summary>
    public bool Revocable { get; set; }

    /// <summary>
    /// How member names become claim names when a member has no <see cref="JwtClaimAttribute"/>. When not set, the project's
    /// MSBuild property <c>TypedJwtNamingPolicy</c> decides, and <see cref="JwtNamingPolicy.SnakeCaseLower"/> when that is
    /// absent. Setting it, even to <see cref="JwtNamingPolicy.SnakeCaseLower"/>, overrides the property for this type.
    /// </summary>
    public JwtNamingPolicy NamingPolicy { get; set; }
}
