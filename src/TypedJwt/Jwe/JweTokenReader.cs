using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace TypedJwt;

/// <summary>
/// Decrypts a JWE in Compact Serialization (RFC 7516 §7.1) in the order that keeps every forged or damaged token from being
/// reported as anything milder: length, five segments, strict base64url, header (duplicates, <c>crit</c>, <c>zip</c>,
/// <c>alg</c>/<c>enc</c> supported), key selection and binding to the header's <c>alg</c> and <c>enc</c>, key recovery,
/// authentication tag, decryption, then <c>cty</c> and <c>typ</c>. Works on caller-provided scratch memory and never throws
/// for bad input. Claims are the caller's business: the plaintext may be a claims set or, nested, a signed token.
/// </summary>
internal sealed class JweTokenReader
{
    private const int MaxKeyIdLength = 256;

    private readonly JwtEncryptionKey[] _keys;
    private readonly byte[]?[] _keyIdsUtf8;
    private readonly JwtValidationPolicy _policy;
    private readonly byte[]? _requiredType;
    private readonly bool _nested;

    /// <param name="keys">The decryption keys; selected by <c>kid</c> as <see cref="JwtKeySet.TryResolve"/> does.</param>
    /// <param name="policy">The validation policy (its limits apply here).</param>
    /// <param name="requiredType">The <c>typ</c> required in the header, or null.</param>
    /// <param name="nested">True: the plaintext must be a nested JWT (<c>cty: JWT</c>); false: it must not be.</param>
    public JweTokenReader(IEnumerable<JwtEncryptionKey> keys, JwtValidationPolicy policy, string? requiredType, bool nested)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        _keys = [.. keys];
        if (_keys.Length == 0)
        {
            throw new ArgumentException("At least one decryption key is needed.", nameof(keys));
        }

        _keyIdsUtf8 = new byte[]?[_keys.Length];
        var keyIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _keys.Length; i++)
        {
            JwtEncryptionKey key = _keys[i] ?? throw new ArgumentException($"Key {i} is null.", nameof(keys));
            if (!key.CanDecrypt)
            {
                throw new ArgumentException($"Key {i} is public only and cannot decrypt.", nameof(keys));
            }

            if (key.KeyId is null)
            {
                if (_keys.Length > 1)
                {
                    throw new ArgumentException($"Key {i} has no 'kid'; among several keys every key needs one, or it could never be selected.", nameof(keys));
                }
            }
            else if (!keyIds.Add(key.KeyId))
            {
                throw new ArgumentException($"Two keys have the 'kid' \"{key.KeyId}\"; a 'kid' must select exactly one key.", nameof(keys));
            }
            else
            {
                _keyIdsUtf8[i] = Encoding.UTF8.GetBytes(key.KeyId);
            }
        }

        _policy = policy;
        _requiredType = requiredType is null ? null : Encoding.UTF8.GetBytes(requiredType);
        _nested = nested;
    }

    public JwtValidationPolicy Policy => _policy;

    /// <summary>The scratch size decryption needs for a token of <paramref name="tokenLength"/> bytes.</summary>
    public static int GetScratchLength(int tokenLength) => 2 * tokenLength;

    /// <summary>
    /// Decrypts <paramref name="token"/>; on success the plaintext is <c>scratch[plaintext]</c>. <paramref name="scratch"/>
    /// must hold at least <see cref="GetScratchLength"/> bytes.
    /// </summary>
    public JwtError Decrypt(ReadOnlySpan<byte> token, Span<byte> scratch, out Range plaintext) =>
        Decrypt(token, scratch, out plaintext, out _);

    /// <summary>
    /// Decrypts as <see cref="Decrypt(ReadOnlySpan{byte}, Span{byte}, out Range)"/> and also returns what the header said;
    /// its ranges index the header JSON, which starts at <c>scratch[0]</c>.
    /// </summary>
    public JwtError Decrypt(ReadOnlySpan<byte> token, Span<byte> scratch, out Range plaintext, out JweHeader header)
    {
        plaintext = default;
        header = default;
        if (token.Length > _policy.MaxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        int dots = token.Count((byte)'.');
        if (dots != 4)
        {
            // Three segments is the JWS Compact Serialization: never accepted where a JWE is expected, whatever its header says.
            return JwtError.Create(dots == 2 ? JwtErrorCode.SignedTokenNotExpected : JwtErrorCode.MalformedToken);
        }

        Span<Range> segments = stackalloc Range[5];
        int start = 0;
        for (int i = 0; i < 4; i++)
        {
            int dot = start + token.Slice(start).IndexOf((byte)'.');
            segments[i] = new Range(start, dot);
            start = dot + 1;
        }

        segments[4] = new Range(start, token.Length);
        ReadOnlySpan<byte> encodedHeader = token[segments[0]];

        if (!JwtBase64Url.TryDecode(encodedHeader, scratch, out int headerLength))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "header");
        }

        Span<byte> keyId = stackalloc byte[MaxKeyIdLength];
        if (!JweHeaderReader.TryRead(scratch.Slice(0, headerLength), _policy.MaxJsonDepth, _requiredType, keyId, out header, out JwtError error))
        {
            return error;
        }

        bool hasKeyId = header.KeyIdLength >= 0;
        if (header.KeyIdLength > MaxKeyIdLength || !TryResolve(keyId.Slice(0, hasKeyId ? header.KeyIdLength : 0), hasKeyId, out JwtEncryptionKey? key))
        {
            return JwtError.Create(JwtErrorCode.KeyNotFound, "kid");
        }

        if (key.Algorithm != header.Algorithm)
        {
            return JwtError.Create(JwtErrorCode.AlgorithmMismatch, "alg");
        }

        if (key.Encryption != header.Encryption)
        {
            return JwtError.Create(JwtErrorCode.AlgorithmMismatch, "enc");
        }

        if (JweAlgorithmParameters.IsEcdh(header.Algorithm) && !header.HasEphemeralKey)
        {
            return JwtError.Create(JwtErrorCode.InvalidHeaderParameter, "epk");
        }

        // Decoded segments lie side by side after the header: encrypted key, IV, tag, ciphertext, then the plaintext.
        int offset = headerLength;
        if (!TryDecodeSegment(token[segments[1]], scratch, ref offset, out Range encryptedKey))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "encrypted key");
        }

        if (!TryDecodeSegment(token[segments[2]], scratch, ref offset, out Range iv))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "iv");
        }

        if (!TryDecodeSegment(token[segments[4]], scratch, ref offset, out Range tag))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "tag");
        }

        if (!TryDecodeSegment(token[segments[3]], scratch, ref offset, out Range ciphertext))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "ciphertext");
        }

        Span<byte> cek = stackalloc byte[JweAlgorithmParameters.MaxContentKeySize];
        cek = cek.Slice(0, JweAlgorithmParameters.GetContentKeySize(key.Encryption));
        try
        {
            bool recovered = key.TryRecoverContentKey(scratch[encryptedKey], scratch.Slice(0, headerLength), in header, cek);
            if (!recovered)
            {
                // RFC 7516 §11.5: carry on with a random key, so a bad Encrypted Key costs the same time as a bad tag.
                RandomNumberGenerator.Fill(cek);
            }

            // The AAD is the ASCII of the encoded protected header (RFC 7516 §5.2 step 14).
            bool decrypted = JweContentCipher.TryDecrypt(
                key.Encryption, cek, scratch[iv], encodedHeader, scratch[ciphertext], scratch[tag], scratch.Slice(offset), out int plaintextLength);
            if (!recovered || !decrypted)
            {
                scratch.Slice(offset).Clear();
                return JwtError.Create(JwtErrorCode.DecryptionFailed);
            }

            plaintext = new Range(offset, offset + plaintextLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(cek);
        }

        if (header.IsNested != _nested)
        {
            return JwtError.Create(JwtErrorCode.InvalidContentType, "cty");
        }

        if (_requiredType is not null && !header.TypeMatches)
        {
            return JwtError.Create(JwtErrorCode.InvalidTokenType, "typ");
        }

        return default;
    }

    private static bool TryDecodeSegment(ReadOnlySpan<byte> encoded, Span<byte> scratch, ref int offset, out Range decoded)
    {
        if (!JwtBase64Url.TryDecode(encoded, scratch.Slice(offset), out int length))
        {
            decoded = default;
            return false;
        }

        decoded = new Range(offset, offset + length);
        offset += length;
        return true;
    }

    private bool TryResolve(ReadOnlySpan<byte> kidUtf8, bool hasKid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JwtEncryptionKey? key)
    {
        if (!hasKid)
        {
            key = _keys.Length == 1 ? _keys[0] : null;
            return key is not null;
        }

        for (int i = 0; i < _keys.Length; i++)
        {
            if (_keyIdsUtf8[i] is { } id && kidUtf8.SequenceEqual(id))
            {
                key = _keys[i];
                return true;
            }
        }

        key = null;
        return false;
    }
}
