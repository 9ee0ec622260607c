using System;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>
/// Decrypts a JWE in Compact Serialization (RFC 7516 §7.1) in the order that keeps every forged or damaged token from being
/// reported as anything milder (the validation pipeline checks the length before): five segments, strict base64url, header (duplicates, <c>crit</c>, <c>zip</c>,
/// <c>alg</c>/<c>enc</c> supported), key selection and binding to the header's <c>alg</c> and <c>enc</c>, key recovery,
/// authentication tag, decryption, then <c>cty</c> and <c>typ</c>. Works on caller-provided scratch memory and never throws
/// for bad input. Claims are the caller's business: the plaintext may be a claims set or, nested, a signed token.
/// </summary>
internal sealed class JweTokenReader
{
    private const int MaxKeyIdLength = 256;

    private readonly JwtEncryptionKeySet _keys;
    private readonly JwtValidationPolicy _policy;
    private readonly TokenTypeRequirement _requiredType;
    private readonly bool _nested;
    private readonly bool _refusePublicKeyEncryption;

    /// <param name="keys">The decryption keys.</param>
    /// <param name="policy">The validation policy (its limits apply here).</param>
    /// <param name="requiredType">The <c>typ</c> required in the header.</param>
    /// <param name="nested">True: the plaintext must be a nested JWT (<c>cty: JWT</c>); false: it must not be.</param>
    /// <param name="authenticatesSender">
    /// True when the encryption itself is all that proves who made the token (a plain JWE): then tokens encrypted to a public
    /// key are refused unless the policy opts in (<see cref="JwtValidationPolicy.DangerousAcceptUnauthenticatedSenders"/>).
    /// False for the outer layer of a nested token, whose inner signature authenticates the sender.
    /// </param>
    public JweTokenReader(JwtEncryptionKeySet keys, JwtValidationPolicy policy, TokenTypeRequirement requiredType, bool nested, bool authenticatesSender)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        _refusePublicKeyEncryption = authenticatesSender && !policy.DangerousAcceptUnauthenticatedSenders;
        if (keys.UsesPublicKeyEncryption && _refusePublicKeyEncryption)
        {
            JwtEncryptionKey first = keys.Keys[0];
            throw new ArgumentException(
                $"Key {(first.KeyId is { } kid ? "'" + JwtErrorMessages.Quote(kid) + "'" : "0")} uses public-key encryption ({JweAlgorithmNames.GetName(first.Algorithm)}), which anyone holding the public key can encrypt to, " +
                "so a token decrypted with it proves nothing about its sender (RFC 7519 §11.2). Sign, then encrypt (JweWriter.WriteNested), and validate with NestedJwtValidator<TPayload>; " +
                "or, only when the payload carries its own proof of origin, opt in with JwtValidationPolicy.DangerousAcceptUnauthenticatedSenders.",
                nameof(keys));
        }

        _keys = keys;
        _policy = policy;
        _requiredType = requiredType;
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
        Decrypt(token, scratch, out plaintext, out _, out _);

    /// <summary>
    /// Decrypts as <see cref="Decrypt(ReadOnlySpan{byte}, Span{byte}, out Range)"/> and also returns the header JSON's place,
    /// <c>scratch[headerJson]</c>, and what the header said (its ranges index that JSON). The token's length is the caller's to check.
    /// </summary>
    public JwtError Decrypt(ReadOnlySpan<byte> token, Span<byte> scratch, out Range plaintext, out Range headerJson, out JweHeader header)
    {
        plaintext = default;
        headerJson = default;
        header = default;
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

        headerJson = new Range(0, headerLength);

        Span<byte> keyId = stackalloc byte[MaxKeyIdLength];
        if (!JoseHeaderReader.TryRead(scratch.Slice(0, headerLength), _policy.MaxJsonDepth, new JoseHeaderContext(_requiredType, keyId), out header, out JwtError error))
        {
            return error;
        }

        if (_refusePublicKeyEncryption && JweAlgorithmParameters.IsPublicKeyEncryption(header.Algorithm))
        {
            return JwtError.Create(JwtErrorCode.UnauthenticatedSender, "alg");
        }

        if (header.Common.KeyIdLength > MaxKeyIdLength || !_keys.TryResolve(keyId.Slice(0, header.Common.HasKeyId ? header.Common.KeyIdLength : 0), header.Common.HasKeyId, out JwtEncryptionKey? key))
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

        if (!_requiredType.Accepts(header.Common.HasType, header.Common.TypeMatches))
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
}
