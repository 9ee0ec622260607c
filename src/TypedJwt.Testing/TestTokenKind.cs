namespace TypedJwt.Testing;

/// <summary>The shapes of token <see cref="TestTokens{TPayload}"/> makes, each refused by a validator for one reason (but <see cref="Valid"/>).</summary>
public enum TestTokenKind
{
    /// <summary>Accepted: signed with the test key, the scheme's issuer and audience, valid now.</summary>
    Valid,

    /// <summary><c>exp</c> an hour ago: <see cref="JwtErrorCode.Expired"/>.</summary>
    Expired,

    /// <summary><c>nbf</c> an hour ahead: <see cref="JwtErrorCode.NotYetValid"/>.</summary>
    NotYetValid,

    /// <summary>Another <c>iss</c>: <see cref="JwtErrorCode.InvalidIssuer"/>.</summary>
    WrongIssuer,

    /// <summary>Another <c>aud</c>: <see cref="JwtErrorCode.InvalidAudience"/>.</summary>
    WrongAudience,

    /// <summary>Another <c>typ</c> (<c>wrong+jwt</c>): <see cref="JwtErrorCode.InvalidTokenType"/>.</summary>
    WrongType,

    /// <summary>A valid token whose payload was changed after signing: <see cref="JwtErrorCode.InvalidSignature"/>.</summary>
    Tampered,

    /// <summary>A <c>kid</c> no key of the scheme has: <see cref="JwtErrorCode.KeyNotFound"/>.</summary>
    UnknownKeyId,

    /// <summary>An unsecured token, <c>alg: none</c> and no signature: <see cref="JwtErrorCode.UnsecuredTokenRejected"/>.</summary>
    AlgNone,
}
