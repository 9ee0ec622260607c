using System;

namespace TypedJwt;

/// <summary>
/// Validates encrypted tokens (JWE Compact Serialization, RFC 7516) whose plaintext is the claims set of
/// <typeparamref name="TPayload"/> (a payload type declared with <c>Encrypted = true</c>), encrypted with a key both sides
/// share (<c>dir</c>, <c>A128KW</c>, <c>A256KW</c>): the key is selected by <c>kid</c> and must be bound to the header's
/// <c>alg</c> and <c>enc</c>; the authentication tag is checked before any plaintext is used; the header's <c>typ</c> must be
/// the payload type's <c>TokenType</c>; then the policy's claims, and claims the header replicates (<c>iss</c>, <c>sub</c>,
/// <c>aud</c>, RFC 7519 §5.3) must be byte-identical to them. A token encrypted to a public key (RSA-OAEP, ECDH-ES) proves
/// nothing about its sender and is refused (<see cref="JwtErrorCode.UnauthenticatedSender"/>): sign, then encrypt, and use
/// <see cref="NestedJwtValidator{TPayload}"/>. A signed token (JWS) and a nested token (<c>cty: JWT</c>) are refused too.
/// Thread-safe; create one per key set and policy and keep it. No method throws for bad input.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class JweValidator<TPayload> : JwtValidatorBase<TPayload> where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates a validator that decrypts with one key.</summary>
    /// <exception cref="ArgumentException">
    /// The key cannot decrypt, it encrypts to a public key (unless the policy sets
    /// <see cref="JwtValidationPolicy.DangerousAcceptUnauthenticatedSenders"/>), or the policy is inconsistent.
    /// </exception>
    public JweValidator(JwtEncryptionKey key, JwtValidationPolicy policy)
        : this(new JwtEncryptionKeySet(key), policy)
    {
    }

    /// <summary>Creates a validator that selects the key from <paramref name="keys"/> by the header's <c>kid</c>.</summary>
    /// <param name="keys">The keys tokens are decrypted with.</param>
    /// <param name="policy">What a token must satisfy.</param>
    /// <param name="cache">
    /// Limits of a verified-token cache, which accepts a token verified before without decrypting it again (it keeps the
    /// decrypted claims in memory until the entry expires); null (the default): none.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The keys encrypt to a public key (unless the policy sets <see cref="JwtValidationPolicy.DangerousAcceptUnauthenticatedSenders"/>),
    /// or the policy or the cache limits are inconsistent.
    /// </exception>
    public JweValidator(JwtEncryptionKeySet keys, JwtValidationPolicy policy, VerifiedTokenCacheOptions? cache = null)
        : base(new JwtValidationPipeline<TPayload, JweEnvelope>(
            new JweEnvelope(new JweTokenReader(keys, policy, TokenTypeRequirement.For(TPayload.TokenType), nested: false, authenticatesSender: true)), policy, cache))
    {
    }
}
