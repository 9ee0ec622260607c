using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TypedJwt;

/// <summary>
/// Selects a key by the header's <c>kid</c>, for signing and decryption key sets alike. Built once, it refuses what would
/// make selection ambiguous (two keys with one <c>kid</c>, a key without <c>kid</c> beside others) and keeps each
/// <c>kid</c> as UTF-8, so that resolving compares the header's bytes without transcoding or allocating.
/// </summary>
internal sealed class KeyIdIndex<TKey> where TKey : class, IKeyWithId
{
    private readonly TKey[] _keys;
    private readonly byte[]?[] _keyIdsUtf8;

    /// <param name="keys">The keys, which the index keeps.</param>
    /// <param name="parameterName">The parameter the caller's exceptions name.</param>
    /// <param name="positions">For keys read from a JWK Set, each key's place in its <c>keys</c> array, which messages name.</param>
    /// <exception cref="ArgumentException">A key is null, two keys share a <c>kid</c>, or a key of several has no <c>kid</c>.</exception>
    public KeyIdIndex(TKey[] keys, string parameterName, int[]? positions = null)
    {
        int Position(int i) => positions is null ? i : positions[i];
        string ofSet = positions is null ? "" : " of the JWK Set";
        _keys = keys;
        _keyIdsUtf8 = new byte[]?[keys.Length];
        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            TKey key = keys[i] ?? throw new ArgumentException($"Key {i} is null.", parameterName);
            if (key.KeyId is null)
            {
                if (keys.Length > 1)
                {
                    throw new ArgumentException(
                        $"Key {Position(i)}{ofSet} has no 'kid'; among several keys every key needs one, or it could never be selected.", parameterName);
                }

                continue;
            }

            if (!keyIds.TryAdd(key.KeyId, i))
            {
                throw new ArgumentException(
                    $"Keys {Position(keyIds[key.KeyId])} and {Position(i)}{ofSet} have the 'kid' \"{JwtErrorMessages.Quote(key.KeyId)}\"; a 'kid' must select exactly one key.",
                    parameterName);
            }

            _keyIdsUtf8[i] = Encoding.UTF8.GetBytes(key.KeyId);
        }
    }

    /// <summary>The keys, in the order given.</summary>
    public TKey[] Keys => _keys;

    /// <summary>
    /// With a <c>kid</c> in the header, the key whose <c>kid</c> is exactly (ordinally) that value; without one, the only key
    /// of a one-key index. The caller still checks that the header's algorithm is the one the key is bound to.
    /// </summary>
    public bool TryResolve(ReadOnlySpan<byte> kidUtf8, bool hasKid, [NotNullWhen(true)] out TKey? key)
    {
        if (!hasKid)
        {
            key = _keys.Length == 1 ? _keys[0] : null;
            return key is not null;
        }

        for (int i = 0; i < _keys.Length; i++)
        {
            if (_keyIdsUtf8[i] is { } keyId && kidUtf8.SequenceEqual(keyId))
            {
                key = _keys[i];
                return true;
            }
        }

        key = null;
        return false;
    }
}
