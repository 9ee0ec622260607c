namespace TypedJwt;

/// <summary>
/// The JOSE header of a DPoP proof JWT (RFC 9449 §4.2) beyond <c>typ</c> (<c>dpop+jwt</c>) and <c>alg</c>, which the
/// strict JOSE reader checks: <c>jwk</c>, the public key the proof is signed with. Read by the generated reader.
/// </summary>
[JwtHeader]
public sealed partial record DpopProofHeader
{
    /// <summary>The <c>typ</c> of a DPoP proof.</summary>
    public const string TokenType = "dpop+jwt";

    /// <summary><c>jwk</c>: the public key of the proof's signature.</summary>
    [JwtClaim("jwk")] public required DpopPublicKey Key { get; init; }
}

/// <summary>
/// The public JWK embedded in a DPoP proof (RFC 7517): RSA (<c>n</c>, <c>e</c>) or EC (<c>crv</c>, <c>x</c>, <c>y</c>).
/// A JWK with private members is refused before this type is read (<see cref="JwtErrorCode.DpopKeyInvalid"/>).
/// </summary>
[JwtHeader]
public sealed partial record DpopPublicKey
{
    /// <summary><c>kty</c>: <c>RSA</c> or <c>EC</c>.</summary>
    [JwtClaim("kty")] public required string KeyType { get; init; }

    /// <summary><c>crv</c>: the EC curve.</summary>
    [JwtClaim("crv")] public string? Curve { get; init; }

    /// <summary><c>x</c>: the EC point's x coordinate, base64url.</summary>
    [JwtClaim("x")] public string? X { get; init; }

    /// <summary><c>y</c>: the EC point's y coordinate, base64url.</summary>
    [JwtClaim("y")] public string? Y { get; init; }

    /// <summary><c>n</c>: the RSA modulus, base64url.</summary>
    [JwtClaim("n")] public string? Modulus { get; init; }

    /// <summary><c>e</c>: the RSA public exponent, base64url.</summary>
    [JwtClaim("e")] public string? Exponent { get; init; }
}
