namespace TypedJwt;

/// <summary>
/// Why a token (or a JSON claims set) was rejected. The numeric values are stable and may be logged or
/// compared across versions. Codes are grouped: structure (1–19), header (20–39), signature and decryption (40–59), claims (60–79), the token's
/// state in a revocation store, after every other check (80–99).
/// </summary>
public enum JwtErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The token is longer than <see cref="JwtValidationPolicy.MaxTokenLength"/>; nothing else was looked at.</summary>
    TokenTooLong = 1,
    /// <summary>The token is not three (JWS) or five (JWE) base64url segments separated by dots (Compact Serialization).</summary>
    MalformedToken = 2,
    /// <summary>A segment is not strict base64url (no padding, no whitespace, canonical trailing bits).</summary>
    InvalidBase64Url = 3,
    /// <summary>The header or payload is not a single well-formed UTF-8 JSON object.</summary>
    MalformedJson = 4,
    /// <summary>The JSON nests deeper than <see cref="JwtValidationPolicy.MaxJsonDepth"/>.</summary>
    JsonTooDeep = 5,
    /// <summary>A JSON object has the same member name twice (escaped spellings of one name count as the same name).</summary>
    DuplicateMember = 6,
    /// <summary>The token is a JWE (five segments) where a signed token (JWS) was expected.</summary>
    EncryptedTokenNotExpected = 7,
    /// <summary>An array holds more elements than <see cref="JwtValidationPolicy.MaxArrayLength"/>.</summary>
    ArrayTooLong = 8,
    /// <summary>The token is a JWS (three segments) where an encrypted token (JWE) was expected.</summary>
    SignedTokenNotExpected = 9,

    /// <summary>The header has no <c>alg</c> (or, in a JWE, no <c>enc</c>), or it is not a string.</summary>
    MissingAlgorithm = 20,
    /// <summary>The header's <c>alg</c> is not one TypedJwt implements.</summary>
    UnsupportedAlgorithm = 21,
    /// <summary>The header says <c>alg: none</c>. Unsecured tokens are never accepted.</summary>
    UnsecuredTokenRejected = 22,
    /// <summary>The header's <c>alg</c> differs from the algorithm the key is bound to (RFC 8725 §3.1).</summary>
    AlgorithmMismatch = 23,
    /// <summary>No key of the key set matches the header's <c>kid</c>.</summary>
    KeyNotFound = 24,
    /// <summary>The header's <c>crit</c> names a parameter TypedJwt does not understand, or is malformed (RFC 7515 §4.1.11).</summary>
    UnsupportedCriticalHeader = 25,
    /// <summary>The header asks for an unencoded payload (<c>b64: false</c>, RFC 7797), which is not accepted.</summary>
    UnencodedPayloadRejected = 26,
    /// <summary>
    /// The header's <c>typ</c> is absent or differs from the payload type's <c>TokenType</c> (RFC 8725 §3.11). A payload type
    /// without <c>TokenType</c> accepts only <c>JWT</c> or no <c>typ</c>, so that a token of another kind (<c>logout+jwt</c>,
    /// <c>dpop+jwt</c>, ...) is never taken for it.
    /// </summary>
    InvalidTokenType = 27,
    /// <summary>A registered header parameter has the wrong JSON type (for example a numeric <c>kid</c>).</summary>
    InvalidHeaderParameter = 28,
    /// <summary>The JWE header's <c>enc</c> is not a content encryption algorithm TypedJwt implements.</summary>
    UnsupportedEncryption = 29,
    /// <summary>The JWE header asks for a compressed plaintext (<c>zip</c>), which is not accepted (RFC 8725 §3.6).</summary>
    CompressionRejected = 30,
    /// <summary>
    /// The JWE header's <c>cty</c> does not fit the validator: <c>JWT</c> (a nested token) where a claims set was expected,
    /// or anything else where a nested sign-then-encrypt token was expected (RFC 7519 §5.2).
    /// </summary>
    InvalidContentType = 31,
    /// <summary>The JWE header replicates a claim (<c>iss</c>, <c>sub</c>, <c>aud</c>; RFC 7519 §5.3) with a value other than the claims set's.</summary>
    ReplicatedClaimMismatch = 32,
    /// <summary>The header has more parameters than <see cref="JwtValidationPolicy.MaxHeaderParameters"/>; it is refused before any key is used.</summary>
    TooManyHeaderParameters = 33,

    /// <summary>The signature does not verify with the key.</summary>
    InvalidSignature = 40,
    /// <summary>
    /// The encrypted token does not decrypt with the key: the Encrypted Key, Initialization Vector, ciphertext or
    /// Authentication Tag is wrong. One code for every such failure, so that no failure can be told apart (no oracle).
    /// </summary>
    DecryptionFailed = 41,
    /// <summary>
    /// The token is encrypted to a public key (<c>RSA-OAEP*</c>, <c>ECDH-ES*</c>), which anyone holding that key can do, so it
    /// does not authenticate its sender. <see cref="JweValidator{TPayload}"/> accepts only shared-key encryption (<c>dir</c>,
    /// <c>A*KW</c>); sign, then encrypt, and validate with <see cref="NestedJwtValidator{TPayload}"/>
    /// (or opt in with <see cref="JwtValidationPolicy.DangerousAcceptUnauthenticatedSenders"/>).
    /// </summary>
    UnauthenticatedSender = 42,
    /// <summary>
    /// The key source has no keys to verify with: the issuer's keys (its discovery document or JWK Set) could not be
    /// fetched yet, or the last good ones are older than the source's maximum staleness. A server-side condition: the
    /// token may be valid; the log names the authority and the reason. The ASP.NET Core handler answers 503.
    /// </summary>
    KeysUnavailable = 50,

    /// <summary>A required claim is absent.</summary>
    MissingClaim = 60,
    /// <summary>A claim has the wrong JSON type (for example <c>exp</c> as a string).</summary>
    InvalidClaimType = 61,
    /// <summary>A claim has the right JSON type but a value that cannot be represented (a malformed Guid, an unknown enum member, an out-of-range number).</summary>
    InvalidClaimValue = 62,
    /// <summary>A declared constraint (<c>[Range]</c>, <c>[StringLength]</c>, …) does not hold.</summary>
    ConstraintViolated = 63,
    /// <summary>The token expired (<c>exp</c> is at or before now minus the leeway).</summary>
    Expired = 64,
    /// <summary>The token is not valid yet (<c>nbf</c> is after now plus the leeway).</summary>
    NotYetValid = 65,
    /// <summary>The <c>iss</c> claim is not one of the accepted issuers.</summary>
    InvalidIssuer = 66,
    /// <summary>The <c>aud</c> claim names none of the accepted audiences.</summary>
    InvalidAudience = 67,
    /// <summary>The token says it was issued in the future (<c>iat</c> is after now plus the leeway).</summary>
    IssuedInFuture = 68,
    /// <summary>The token was issued longer ago than <see cref="JwtValidationPolicy.MaxTokenAge"/> allows (<c>iat</c>).</summary>
    TokenTooOld = 69,

    /// <summary>
    /// The token passed every check but has been revoked: its <c>iss</c> + <c>jti</c>, or everything issued to its
    /// <c>sub</c> or <c>sid</c> up to an instant not before its <c>iat</c> (<see cref="IJwtRevocationStore"/>).
    /// </summary>
    TokenRevoked = 80,
    /// <summary>The token is for one use only, and it has already been used (its <c>iss</c> + <c>jti</c> is marked used).</summary>
    TokenAlreadyUsed = 81,
    /// <summary>
    /// The revocation store did not answer in time or failed, and the scheme fails closed: the token may be valid, but
    /// whether it was revoked could not be checked. A server-side condition; the ASP.NET Core handler answers 503.
    /// </summary>
    RevocationUnavailable = 82,
    /// <summary>
    /// The token passed every check, and the application refused it (an ASP.NET Core <c>TokenValidated</c> event's
    /// <c>Fail</c>, with the application's own description).
    /// </summary>
    RejectedByApplication = 83,
    /// <summary>
    /// The token is bound to a client certificate (<c>cnf.x5t#S256</c>, RFC 8705 §3) and the connection presented none, or
    /// another one.
    /// </summary>
    CertificateMismatch = 84,

    // 90-99: DPoP proofs (RFC 9449). Every one is answered with WWW-Authenticate: DPoP error="invalid_dpop_proof" (§7.1),
    // except DpopNonceRequired ("use_dpop_nonce", §8) and DpopBoundTokenAsBearer (error="invalid_token").

    /// <summary>The request has no DPoP proof, or more than one <c>DPoP</c> header (RFC 9449 §4.3 check 1).</summary>
    DpopProofMissing = 90,
    /// The proof's <c>jwk</c> is missing, has private members (<c>d</c>, <c>p</c>, <c>q</c>, <c>dp</c>, <c>dq</c>, <c>qi</c>,
    /// <c>k</c>, <c>oth</c>), is not an RSA or EC key of the <c>alg</c>, or cannot be imported (RFC 9449 §4.3 check 7).
    DpopKeyInvalid = 91,
    /// <summary>The proof's <c>htm</c> is not the request's method (RFC 9449 §4.3 check 8).</summary>
    DpopMethodMismatch = 92,
    /// <summary>The proof's <c>htu</c> is not the request's URI without query and fragment (RFC 9449 §4.3 check 9).</summary>
    DpopUriMismatch = 93,
    /// <summary>The proof's <c>iat</c> is outside the accepted window around now (RFC 9449 §4.3 check 11, §11.1).</summary>
    DpopProofStale = 94,
    /// <summary>The proof's <c>ath</c> is missing or is not base64url(SHA-256(access token)) (RFC 9449 §4.3 check 12).</summary>
    DpopAccessTokenHashMismatch = 95,
    /// <summary>The proof's key is not the key the access token is bound to (<c>cnf.jkt</c>, RFC 9449 §6.1, §4.3 check 12).</summary>
    DpopKeyMismatch = 96,
    /// <summary>A proof with this <c>jti</c> was already accepted within the window (RFC 9449 §11.1).</summary>
    DpopProofReplayed = 97,
    /// <summary>The server requires a nonce it provided, and the proof has none or a stale one (RFC 9449 §8, §4.3 check 10).</summary>
    DpopNonceRequired = 98,
    /// <summary>A DPoP-bound access token (one with <c>cnf.jkt</c>) was presented as a bearer token (RFC 9449 §7.2).</summary>
    DpopBoundTokenAsBearer = 99,
}
