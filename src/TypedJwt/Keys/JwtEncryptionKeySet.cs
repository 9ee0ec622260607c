using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace TypedJwt;

/// <summary>
/// An immutable set of keys encrypted tokens may be decrypted with, selected by the header's <c>kid</c>, as
/// <see cref="JwtKeySet"/> is for signing keys. The set refuses what would make selection ambiguous (two keys with one
/// <c>kid</c>, a key without <c>kid</c> beside others), keys that cannot decrypt, and a mix of shared-secret
/// (<c>dir</c>, <c>A128KW</c>, <c>A256KW</c>) and public-key (<c>RSA-OAEP</c>, <c>ECDH-ES</c>) key management: in a mixed set
/// a token could name the public key, which anyone can encrypt to, and bypass the secret.
/// </summary>
public sealed class JwtEncryptionKeySet
{
    private readonly KeyIdIndex<JwtEncryptionKey> _index;

    /// <summary>Creates a set of the given keys.</summary>
    /// <param name="keys">The keys; each can decrypt, each <c>kid</c> at most once, and all of one kind (shared secret or public key).</param>
    /// <exception cref="ArgumentException">
    /// A key is null or public only, two keys share a <c>kid</c>, a key of several has no <c>kid</c>, or shared-secret and
    /// public-key keys are mixed.
    /// </exception>
    public JwtEncryptionKeySet(IEnumerable<JwtEncryptionKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        JwtEncryptionKey[] array = [.. keys];
        if (array.Length == 0)
        {
            throw new ArgumentException("At least one decryption key is needed.", nameof(keys));
        }

        _index = new KeyIdIndex<JwtEncryptionKey>(array, nameof(keys));
        UsesPublicKeyEncryption = JweAlgorithmParameters.IsPublicKeyEncryption(array[0].Algorithm);
        for (int i = 0; i < array.Length; i++)
        {
            if (!array[i].CanDecrypt)
            {
                throw new ArgumentException($"Key {i} is public only and cannot decrypt.", nameof(keys));
            }

            if (JweAlgorithmParameters.IsPublicKeyEncryption(array[i].Algorithm) != UsesPublicKeyEncryption)
            {
                throw new ArgumentException(
                    "The keys mix shared-secret key management (dir, A128KW, A256KW) with public-key key management (RSA-OAEP, ECDH-ES); " +
                    "a token could then select the public key, which anyone can encrypt to, and bypass the secret. Use one kind per set.",
                    nameof(keys));
            }
        }

        Keys = new ReadOnlyCollection<JwtEncryptionKey>(array);
    }

    /// <summary>Creates a set of one key, which also decrypts tokens whose header has no <c>kid</c>.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentException">The key is public only.</exception>
    public JwtEncryptionKeySet(JwtEncryptionKey key)
        : this([key ?? throw new ArgumentNullException(nameof(key))])
    {
    }

    /// <summary>The keys, in the order given.</summary>
    public IReadOnlyList<JwtEncryptionKey> Keys { get; }

    /// <summary>
    /// True when the keys encrypt to a public key (RSA-OAEP, ECDH-ES): then a decrypted token proves nothing about its
    /// sender, and only a nested, signed token does (<see cref="NestedJwtValidator{TPayload}"/>).
    /// </summary>
    public bool UsesPublicKeyEncryption { get; }

    /// <summary>
    /// Selects the key for a token, as <see cref="JwtKeySet.TryResolve"/> does. The caller still checks that the header's
    /// <c>alg</c> and <c>enc</c> are the ones the key is bound to.
    /// </summary>
    /// <param name="kidUtf8">The header's <c>kid</c>, unescaped, as UTF-8; ignored when <paramref name="hasKid"/> is false.</param>
    /// <param name="hasKid">Whether the header has a <c>kid</c>.</param>
    /// <param name="key">The selected key.</param>
    /// <returns>True when exactly one key was selected.</returns>
    public bool TryResolve(ReadOnlySpan<byte> kidUtf8, bool hasKid, [NotNullWhen(true)] out JwtEncryptionKey? key) =>
        _index.TryResolve(kidUtf8, hasKid, out key);
}
