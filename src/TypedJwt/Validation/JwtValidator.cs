using System;

namespace TypedJwt;

/// <summary>
/// Validates signed tokens (JWS Compact Serialization) whose payload is <typeparamref name="TPayload"/>: the key set
/// selects the key by <c>kid</c>, the key's algorithm must equal the header's <c>alg</c>, the signature is checked before
/// any claim, the header's <c>typ</c> must be the payload type's <c>TokenType</c>, then the policy's claims. An encrypted
/// token (JWE) is refused. Thread-safe; create one per key set and policy and keep it. No method throws for bad input.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class JwtValidator<TPayload> : JwtValidatorBase<TPayload> where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates a validator that verifies with one key.</summary>
    /// <exception cref="ArgumentException">The policy is inconsistent; the message says which setting.</exception>
    public JwtValidator(JwtSigningKey key, JwtValidationPolicy policy)
        : this(new JwtKeySet(key), policy)
    {
    }

    /// <summary>Creates a validator that selects the key from <paramref name="keys"/> by the header's <c>kid</c>.</summary>
    /// <param name="keys">The keys tokens are verified with.</param>
    /// <param name="policy">What a token must satisfy.</param>
    /// <param name="cache">Limits of a verified-token cache, which accepts a token verified before without its signature; null (the default): none.</param>
    /// <exception cref="ArgumentException">The policy or the cache limits are inconsistent (for example no issuer); the message says which setting.</exception>
#pragma warning disable RS0026, RS0027 // The overloads differ in the type of the keys (a set or a source), so no call is ambiguous.
    public JwtValidator(JwtKeySet keys, JwtValidationPolicy policy, VerifiedTokenCacheOptions? cache = null)
        : this(JwtKeySource.FromKeys(keys), policy, cache)
    {
    }

    /// <summary>
    /// Creates a validator that reads the current keys from <paramref name="keys"/> for each token (for example keys fetched
    /// from an identity provider and refreshed in the background). When the source's keys change, the verified-token cache
    /// forgets what it verified with the previous ones.
    /// </summary>
    /// <param name="keys">Where the keys tokens are verified with come from.</param>
    /// <param name="policy">What a token must satisfy.</param>
    /// <param name="cache">Limits of a verified-token cache; null (the default): none.</param>
    /// <exception cref="ArgumentException">The policy or the cache limits are inconsistent; the message says which setting.</exception>
    public JwtValidator(JwtKeySource keys, JwtValidationPolicy policy, VerifiedTokenCacheOptions? cache = null)
        : base(new JwtValidationPipeline<TPayload, JwsEnvelope>(
            new JwsEnvelope(new JwsTokenReader(keys, policy, TokenTypeRequirement.For(TPayload.TokenType))), policy, cache, keys))
    {
        keys.Subscribe(InvalidateCache);
    }
#pragma warning restore RS0026, RS0027
}
