using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Validates a JWS in Compact Serialization (RFC 7515 §7.1) up to its claims, in the order that keeps a forged token from
/// ever being reported as anything milder than forged: structure, header, key, signature, <c>typ</c>. The validation
/// pipeline checks the length before and the claims after (<see cref="JwtValidationPipeline{TPayload, TEnvelope}"/>).
/// Works on caller-provided scratch memory and never throws for bad input.
/// </summary>
internal sealed class JwsTokenReader
{
    private const int MaxKeyIdLength = 256;

    private readonly JwtKeySource _keys;
    private readonly JwtValidationPolicy _policy;
    private readonly TokenTypeRequirement _requiredType;
    private readonly AcceptedHeaderCache _acceptedHeaders = new();

    public JwsTokenReader(JwtKeySet keys, JwtValidationPolicy policy, TokenTypeRequirement requiredType)
        : this(JwtKeySource.FromKeys(keys), policy, requiredType)
    {
    }

    public JwsTokenReader(JwtKeySource keys, JwtValidationPolicy policy, TokenTypeRequirement requiredType)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        _keys = keys;
        _policy = policy;
        _requiredType = requiredType;
    }

    public JwtValidationPolicy Policy => _policy;

    /// <summary>
    /// Checks <paramref name="token"/> up to its claims; on success the decoded header and payload JSON, whose signature
    /// verified, are <c>scratch[header]</c> and <c>scratch[payload]</c>. <paramref name="scratch"/> must hold at least <c>token.Length</c> bytes.
    /// </summary>
    public JwtError Read(ReadOnlySpan<byte> token, Span<byte> scratch, out Range header, out Range payload)
    {
        header = default;
        payload = default;
        int firstDot = token.IndexOf((byte)'.');
        int secondDot = firstDot < 0 ? -1 : token.Slice(firstDot + 1).IndexOf((byte)'.');
        if (secondDot < 0)
        {
            return JwtError.Create(JwtErrorCode.MalformedToken);
        }

        secondDot += firstDot + 1;
        ReadOnlySpan<byte> rest = token.Slice(secondDot + 1);
        if (rest.Contains((byte)'.'))
        {
            // Five segments is the JWE Compact Serialization (RFC 7516 §7.1): never a JWS, whatever its header says.
            return rest.Count((byte)'.') == 2
                ? JwtError.Create(JwtErrorCode.EncryptedTokenNotExpected)
                : JwtError.Create(JwtErrorCode.MalformedToken);
        }

        ReadOnlySpan<byte> encodedHeader = token.Slice(0, firstDot);
        ReadOnlySpan<byte> encodedPayload = token.Slice(firstDot + 1, secondDot - firstDot - 1);
        ReadOnlySpan<byte> encodedSignature = rest;

        // One read of the key source's snapshot per token: a refresh swaps it whole, never under a token being verified.
        JwtKeySet? keys = _keys.CurrentKeys;
        if (keys is null)
        {
            return JwtError.Create(JwtErrorCode.KeysUnavailable);
        }

        int headerLength;
        JwsHeader parameters;
        JwtSigningKey? key;
        if (_acceptedHeaders.TryGet(encodedHeader, keys, out AcceptedHeaderCache.Entry? accepted))
        {
            accepted.DecodedHeader.CopyTo(scratch);
            headerLength = accepted.DecodedHeader.Length;
            parameters = accepted.Parameters;
            key = accepted.Key;
        }
        else if (!TryReadHeader(encodedHeader, keys, scratch, out headerLength, out parameters, out key, out JwtError headerError))
        {
            return headerError;
        }

        // Decoded segments lie side by side in the scratch: header, signature, payload. Together they are shorter than the token.
        Span<byte> signature = scratch.Slice(headerLength);
        if (!JwtBase64Url.TryDecode(encodedSignature, signature, out int signatureLength))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "signature");
        }

        int payloadStart = headerLength + signatureLength;
        if (!JwtBase64Url.TryDecode(encodedPayload, scratch.Slice(payloadStart), out int payloadLength))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "payload");
        }

        if (!key.Verify(token.Slice(0, secondDot), signature.Slice(0, signatureLength)))
        {
            return JwtError.Create(JwtErrorCode.InvalidSignature);
        }

        if (accepted is null)
        {
            _acceptedHeaders.Add(encodedHeader, scratch.Slice(0, headerLength), parameters, keys, key);
        }

        if (!_requiredType.Accepts(parameters.Common.HasType, parameters.Common.TypeMatches))
        {
            return JwtError.Create(JwtErrorCode.InvalidTokenType, "typ");
        }

        header = new Range(0, headerLength);
        payload = new Range(payloadStart, payloadStart + payloadLength);
        return default;
    }

    // Steps 3 to 5: strict base64url of the header into the scratch, the header's parameters, the key by kid and its algorithm.
    private bool TryReadHeader(
        ReadOnlySpan<byte> encodedHeader,
        JwtKeySet keys,
        Span<byte> scratch,
        out int headerLength,
        out JwsHeader parameters,
        [NotNullWhen(true)] out JwtSigningKey? key,
        out JwtError error)
    {
        parameters = default;
        key = null;
        if (!JwtBase64Url.TryDecode(encodedHeader, scratch, out headerLength))
        {
            error = JwtError.Create(JwtErrorCode.InvalidBase64Url, "header");
            return false;
        }

        Span<byte> keyId = stackalloc byte[MaxKeyIdLength];
        if (!JoseHeaderReader.TryRead(scratch.Slice(0, headerLength), _policy.MaxJsonDepth, new JoseHeaderContext(_requiredType, keyId), out parameters, out error))
        {
            return false;
        }

        JoseCommonParameters common = parameters.Common;
        if (common.KeyIdLength > MaxKeyIdLength || !keys.TryResolve(common.HasKeyId ? keyId.Slice(0, common.KeyIdLength) : default, common.HasKeyId, out key))
        {
            // A remote source may refetch in the background (rate-limited there); this token is refused all the same.
            if (common.HasKeyId)
            {
                _keys.OnKeyNotFound();
            }

            error = JwtError.Create(JwtErrorCode.KeyNotFound, "kid");
            return false;
        }

        error = key.Algorithm != parameters.Algorithm ? JwtError.Create(JwtErrorCode.AlgorithmMismatch, "alg") : default;
        return error.IsNone;
    }
}
