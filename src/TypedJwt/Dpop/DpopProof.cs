using System;

namespace TypedJwt;

/// <summary>
/// The payload of a DPoP proof JWT (RFC 9449 §4.2), read by the generated reader: <c>jti</c>, <c>htm</c>, <c>htu</c> and
/// <c>iat</c> required, <c>ath</c> (§4.2, when an access token is presented) and <c>nonce</c> (§8) optional. Its token type
/// is <c>dpop+jwt</c>. <see cref="DpopProofValidator"/> checks it against the request; the header is
/// <see cref="DpopProofHeader"/>.
/// </summary>
[JwtPayload(TokenType = DpopProofHeader.TokenType)]
public sealed partial record DpopProof
{
    /// <summary><c>jti</c>: the proof's unique identifier; a proof is accepted once (RFC 9449 §11.1).</summary>
    [JwtClaim("jti")] public required string TokenId { get; init; }

    /// <summary><c>htm</c>: the HTTP method of the request the proof was made for.</summary>
    [JwtClaim("htm")] public required string HttpMethod { get; init; }

    /// <summary><c>htu</c>: the HTTP target URI of that request, without query and fragment.</summary>
    [JwtClaim("htu")] public required string HttpUri { get; init; }

    /// <summary><c>iat</c>: when the proof was made.</summary>
    [JwtClaim("iat")] public required DateTimeOffset IssuedAt { get; init; }

    /// <summary><c>ath</c>: base64url(SHA-256(access token)), binding the proof to the access token it is sent with.</summary>
    [JwtClaim("ath")]
    [NotSensitive(Justification = "A hash of the access token that travels beside the proof in the same request.")]
    public string? AccessTokenHash { get; init; }

    /// <summary><c>nonce</c>: the last server-provided nonce (the <c>DPoP-Nonce</c> response header, RFC 9449 §8).</summary>
    [JwtClaim("nonce")] public string? Nonce { get; init; }
}
