using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// An immutable set of keys a token may be verified with, selected by the header's <c>kid</c>. The set refuses what would
/// make selection ambiguous: two keys with one <c>kid</c>, a key without <c>kid</c> beside others, and a mix of
/// symmetric and asymmetric keys (an HMAC secret must never be chosen for a token the issuer meant to sign with RSA or EC).
/// A set read from a JWK Set leaves out the keys TypedJwt cannot verify with, lists them in <see cref="IgnoredKeys"/>, and
/// applies these rules to the rest.
/// </summary>
public sealed partial class JwtKeySet
{
    private static readonly ReadOnlyCollection<IgnoredJsonWebKey> NoIgnoredKeys = new([]);

    private readonly KeyIdIndex<JwtSigningKey> _index;

    /// <summary>Creates a set of the given keys.</summary>
    /// <param name="keys">The keys; each <c>kid</c> at most once, and either all HMAC or all asymmetric.</param>
    /// <exception cref="ArgumentException">A key is null, two keys share a <c>kid</c>, a key of several has no <c>kid</c>, or HMAC and asymmetric keys are mixed.</exception>
    public JwtKeySet(IEnumerable<JwtSigningKey> keys)
        : this([.. keys ?? throw new ArgumentNullException(nameof(keys))], jwksIndexes: null, NoIgnoredKeys, nameof(keys))
    {
    }

    /// <summary>Creates a set of one key, which also verifies tokens whose header has no <c>kid</c>.</summary>
    /// <param name="key">The key.</param>
    public JwtKeySet(JwtSigningKey key)
        : this([key ?? throw new ArgumentNullException(nameof(key))])
    {
    }

    /// <summary>Applies the set rules to <paramref name="keys"/>, which the set keeps.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="jwksIndexes">For a set read from a JWK Set, each key's position in its <c>keys</c> array, which messages name.</param>
    /// <param name="ignoredKeys">The JWKs left out of a set read from a JWK Set; they take no part in the set rules.</param>
    /// <param name="parameterName">The parameter the public caller's exceptions name.</param>
    private JwtKeySet(JwtSigningKey[] keys, int[]? jwksIndexes, ReadOnlyCollection<IgnoredJsonWebKey> ignoredKeys, string parameterName)
    {
        _index = new KeyIdIndex<JwtSigningKey>(keys, parameterName, jwksIndexes);
        foreach (JwtSigningKey key in keys)
        {
            if (JwsAlgorithmParameters.IsSymmetric(key.Algorithm) != JwsAlgorithmParameters.IsSymmetric(keys[0].Algorithm))
            {
                throw new ArgumentException(
                    "The set mixes HMAC (symmetric) keys with RSA or EC (asymmetric) keys; TypedJwt refuses such sets so a public key can never be used as an HMAC secret.",
                    parameterName);
            }
        }

        Keys = new ReadOnlyCollection<JwtSigningKey>(keys);
        IgnoredKeys = ignoredKeys;
    }

    /// <summary>The keys, in the order given.</summary>
    public IReadOnlyList<JwtSigningKey> Keys { get; }

    /// <summary>
    /// For a set read by <see cref="FromJwks(string)"/>, the JWKs it left out because TypedJwt cannot verify with them,
    /// each with its position, <c>kid</c> and the reason, in the order of the JWK Set; log them so a key the issuer signs
    /// with is not silently missing. Empty for a set made from keys.
    /// </summary>
    public IReadOnlyList<IgnoredJsonWebKey> IgnoredKeys { get; }

    /// <summary>
    /// Selects the key for a token. With a <c>kid</c> in the header, the key whose <c>kid</c> is exactly (ordinally) that
    /// value; without one, the only key of a one-key set. Allocation-free. The caller still checks that the header's
    /// <c>alg</c> equals <see cref="JwtSigningKey.Algorithm"/>.
    /// </summary>
    /// <param name="kidUtf8">The header's <c>kid</c>, unescaped, as UTF-8; ignored when <paramref name="hasKid"/> is false.</param>
    /// <param name="hasKid">Whether the header has a <c>kid</c>.</param>
    /// <param name="key">The selected key.</param>
    /// <returns>True when exactly one key was selected.</returns>
    public bool TryResolve(ReadOnlySpan<byte> kidUtf8, bool hasKid, [NotNullWhen(true)] out JwtSigningKey? key) =>
        _index.TryResolve(kidUtf8, hasKid, out key);

    /// <summary>
    /// The public keys as a JWK Set, for a JWKS endpoint: <c>{"keys":[...]}</c>. A set of HMAC keys publishes nothing
    /// (<c>{"keys":[]}</c>), since a shared secret has no public part.
    /// </summary>
    public string ToPublicJwks()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys"u8);
            foreach (JwtSigningKey key in _index.Keys)
            {
                if (!JwsAlgorithmParameters.IsSymmetric(key.Algorithm))
                {
                    key.WritePublicJwk(writer);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
