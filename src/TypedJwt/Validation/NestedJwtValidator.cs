using System;

namespace TypedJwt;

/// <summary>
/// Validates nested sign-then-encrypt tokens (RFC 7519 §11.2, §A.2): a JWE whose header says <c>cty: JWT</c> and whose
/// plaintext is a JWS of <typeparamref name="TPayload"/>. Both layers are verified: the outer one with the decryption keys
/// (bound to <c>alg</c> and <c>enc</c>), the inner one exactly as <see cref="JwtValidator{TPayload}"/> does, with the signing
/// keys, including its <c>typ</c> (the payload type's <c>TokenType</c>, RFC 8725 §3.11) and the policy's claims. The
/// binding between the layers: the outer header must declare the nested token (<c>cty: JWT</c>), the inner token must be a
/// JWS (never a second JWE), claims the outer header replicates (<c>iss</c>, <c>sub</c>, <c>aud</c>, RFC 7519 §5.3) must be
/// byte-identical to the signed ones, and the outer header's own <c>typ</c> is not trusted for anything. The inner signature
/// authenticates the sender, so the outer layer may use public-key encryption (RSA-OAEP, ECDH-ES). A plain JWE, a bare JWS
/// and a JWE without <c>cty: JWT</c> are rejected. Thread-safe; no method throws for bad input.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class NestedJwtValidator<TPayload> : JwtValidatorBase<TPayload> where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates a validator that decrypts with one key and verifies the inner token with <paramref name="signingKeys"/>.</summary>
    /// <exception cref="ArgumentException">The key cannot decrypt, or the policy is inconsistent.</exception>
    public NestedJwtValidator(JwtEncryptionKey encryptionKey, JwtKeySet signingKeys, JwtValidationPolicy policy)
        : this(new JwtEncryptionKeySet(encryptionKey), signingKeys, policy)
    {
    }

    /// <summary>Creates a validator that selects the decryption key from <paramref name="encryptionKeys"/> by the outer header's <c>kid</c>.</summary>
    /// <param name="encryptionKeys">The keys the outer layer is decrypted with.</param>
    /// <param name="signingKeys">The keys the inner token is verified with.</param>
    /// <param name="policy">What a token must satisfy.</param>
    /// <param name="cache">
    /// Limits of a verified-token cache, which accepts a token verified before without decrypting or verifying it again (it
    /// keeps the decrypted claims in memory until the entry expires); null (the default): none.
    /// </param>
    /// <exception cref="ArgumentException">The policy or the cache limits are inconsistent.</exception>
#pragma warning disable RS0026, RS0027 // The overloads differ in the type of the keys (a set or a source), so no call is ambiguous.
    public NestedJwtValidator(JwtEncryptionKeySet encryptionKeys, JwtKeySet signingKeys, JwtValidationPolicy policy, VerifiedTokenCacheOptions? cache = null)
        : this(encryptionKeys, JwtKeySource.FromKeys(signingKeys), policy, cache)
    {
    }

    /// <summary>
    /// Creates a validator that decrypts with <paramref name="encryptionKeys"/> and verifies the inner token with the current
    /// keys of <paramref name="signingKeys"/> (for example an identity provider's, refreshed in the background).
    /// </summary>
    /// <param name="encryptionKeys">The keys the outer layer is decrypted with.</param>
    /// <param name="signingKeys">Where the keys the inner token is verified with come from.</param>
    /// <param name="policy">What a token must satisfy.</param>
    /// <param name="cache">Limits of a verified-token cache; null (the default): none.</param>
    /// <exception cref="ArgumentException">The policy or the cache limits are inconsistent.</exception>
    public NestedJwtValidator(JwtEncryptionKeySet encryptionKeys, JwtKeySource signingKeys, JwtValidationPolicy policy, VerifiedTokenCacheOptions? cache = null)
        : base(new JwtValidationPipeline<TPayload, NestedEnvelope>(
            new NestedEnvelope(
                new JweTokenReader(encryptionKeys, policy, TokenTypeRequirement.None, nested: true, authenticatesSender: false),
                new JwsTokenReader(signingKeys, policy, TokenTypeRequirement.For(TPayload.TokenType))),
            policy,
            cache,
            signingKeys))
    {
        signingKeys.Subscribe(InvalidateCache);
    }
#pragma warning restore RS0026, RS0027
}
