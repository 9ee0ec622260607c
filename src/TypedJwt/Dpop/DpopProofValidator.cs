using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Checks a DPoP proof JWT against a request (RFC 9449 §4.3), in the RFC's order: one JWS in compact form; its header
/// read strictly (<c>typ</c> <c>dpop+jwt</c>, an allowed asymmetric <c>alg</c>, a public <c>jwk</c> and nothing private);
/// the signature verified with that embedded key; then the typed claims: <c>htm</c> and <c>htu</c> against the request,
/// <c>iat</c> within <see cref="DpopProofValidationOptions.IssuedAtWindow"/>, <c>ath</c> against the access token, and the
/// key's RFC 7638 thumbprint against the token's <c>cnf.jkt</c>. Invalid input never throws. What needs state across
/// requests (the <c>jti</c> seen once, server nonces) is the caller's: the ASP.NET Core handler does both.
/// </summary>
public sealed class DpopProofValidator
{
    private const int StackLimit = 2048;
    private const int MaxJsonDepth = 8;

    private static readonly TokenTypeRequirement ProofType = TokenTypeRequirement.For(DpopProofHeader.TokenType);

    private readonly DpopProofValidationOptions _options;
    private readonly bool[] _allowed;

    /// <summary>Creates a validator with <paramref name="options"/> (or the defaults).</summary>
    /// <exception cref="ArgumentException">An HMAC algorithm is allowed, or the window is not positive.</exception>
    public DpopProofValidator(DpopProofValidationOptions? options = null)
    {
        _options = options ?? new DpopProofValidationOptions();
        ArgumentNullException.ThrowIfNull(_options.TimeProvider, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Algorithms, nameof(options));
        if (_options.IssuedAtWindow <= TimeSpan.Zero || _options.IssuedAtWindow > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("The DPoP iat window must be positive and at most 10 minutes.", nameof(options));
        }

        _allowed = new bool[64];
        foreach (JwsAlgorithm algorithm in _options.Algorithms)
        {
            if (JwsAlgorithmParameters.IsSymmetric(algorithm))
            {
                throw new ArgumentException("A DPoP proof is signed with an asymmetric key (RFC 9449 §4.3); HMAC algorithms cannot be allowed.", nameof(options));
            }

            _allowed[(int)algorithm] = true;
        }
    }

    /// <summary>The settings.</summary>
    public DpopProofValidationOptions Options => _options;

    /// <summary>The names of the allowed algorithms, space-separated: the <c>algs</c> of a DPoP challenge (RFC 9449 §7.1).</summary>
    public string AlgorithmNames => string.Join(' ', System.Linq.Enumerable.Select(_options.Algorithms, JwsAlgorithmNames.GetName));

    /// <summary>Validates <paramref name="proof"/> for <paramref name="request"/>.</summary>
    public bool TryValidate(ReadOnlySpan<char> proof, in DpopRequest request, [NotNullWhen(true)] out ValidatedDpopProof? validated, out JwtError error)
    {
        validated = null;
        if (proof.IsEmpty)
        {
            error = JwtError.Create(JwtErrorCode.DpopProofMissing);
            return false;
        }

        if (proof.Length > _options.MaxProofLength)
        {
            error = JwtError.Create(JwtErrorCode.TokenTooLong);
            return false;
        }

        // Token ASCII plus room for the decoded header, signature and payload (each shorter than its encoding).
        int length = 2 * proof.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Span<byte> token = buffer.Slice(0, proof.Length);
            if (Ascii.FromUtf16(proof, token, out _) != OperationStatus.Done)
            {
                error = JwtError.Create(JwtErrorCode.MalformedToken);
                return false;
            }

            error = Validate(token, buffer.Slice(proof.Length), in request, out validated);
            return error.IsNone;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    private JwtError Validate(ReadOnlySpan<byte> token, Span<byte> scratch, in DpopRequest request, out ValidatedDpopProof? validated)
    {
        validated = null;
        int firstDot = token.IndexOf((byte)'.');
        int secondDot = firstDot < 0 ? -1 : token.Slice(firstDot + 1).IndexOf((byte)'.') + firstDot + 1;
        if (firstDot <= 0 || secondDot <= firstDot || token.Slice(secondDot + 1).Contains((byte)'.'))
        {
            return JwtError.Create(JwtErrorCode.MalformedToken);
        }

        if (!JwtBase64Url.TryDecode(token.Slice(0, firstDot), scratch, out int headerLength))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "header");
        }

        ReadOnlySpan<byte> headerJson = scratch.Slice(0, headerLength);
        if (!JoseHeaderReader.TryRead(headerJson, MaxJsonDepth, new JoseHeaderContext(ProofType, stackalloc byte[64]), out DpopJoseHeader jose, out JwtError error))
        {
            return error;
        }

        if (!ProofType.Accepts(jose.Common.HasType, jose.Common.TypeMatches))
        {
            return JwtError.Create(JwtErrorCode.InvalidTokenType, "typ");
        }

        if ((int)jose.Algorithm >= _allowed.Length || !_allowed[(int)jose.Algorithm])
        {
            return JwtError.Create(JwtErrorCode.UnsupportedAlgorithm, "alg");
        }

        if (!TryReadHeader(headerJson, out DpopProofHeader? header, out error))
        {
            return error;
        }

        Span<byte> signature = scratch.Slice(headerLength);
        if (!JwtBase64Url.TryDecode(token.Slice(secondDot + 1), signature, out int signatureLength))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "signature");
        }

        if (!ImportAndVerify(header.Key, jose.Algorithm, token.Slice(0, secondDot), signature.Slice(0, signatureLength), out error))
        {
            return error;
        }

        Span<byte> payloadJson = signature.Slice(signatureLength);
        if (!JwtBase64Url.TryDecode(token.Slice(firstDot + 1, secondDot - firstDot - 1), payloadJson, out int payloadLength))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "payload");
        }

        if (!TryReadPayload(payloadJson.Slice(0, payloadLength), out DpopProof? payload, out error))
        {
            return error;
        }

        Span<byte> thumbprint = stackalloc byte[JwkThumbprint.Sha256Base64UrlLength];
        if (!TryThumbprint(header.Key, thumbprint))
        {
            return JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk");
        }

        error = CheckClaims(payload, in request, thumbprint);
        if (error.IsNone)
        {
            validated = new ValidatedDpopProof(header, payload, jose.Algorithm, Encoding.ASCII.GetString(thumbprint));
        }

        return error;
    }

    private JwtError CheckClaims(DpopProof payload, in DpopRequest request, ReadOnlySpan<byte> thumbprint)
    {
        if (!string.Equals(payload.HttpMethod, request.Method, StringComparison.Ordinal))
        {
            return JwtError.Create(JwtErrorCode.DpopMethodMismatch, "htm");
        }

        if (!DpopUri.Matches(payload.HttpUri, request.Uri))
        {
            return JwtError.Create(JwtErrorCode.DpopUriMismatch, "htu");
        }

        TimeSpan age = _options.TimeProvider.GetUtcNow() - payload.IssuedAt;
        if (age > _options.IssuedAtWindow || age < -_options.IssuedAtWindow)
        {
            return JwtError.Create(JwtErrorCode.DpopProofStale, "iat");
        }

        if (request.AccessToken is not null && !DpopProofWriter.HashMatches(request.AccessToken, payload.AccessTokenHash))
        {
            return JwtError.Create(JwtErrorCode.DpopAccessTokenHashMismatch, "ath");
        }

        if (request.JwkThumbprint is not null && !FixedTimeEquals(thumbprint, request.JwkThumbprint))
        {
            return JwtError.Create(JwtErrorCode.DpopKeyMismatch, "jkt");
        }

        return default;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> json, [NotNullWhen(true)] out DpopProofHeader? header, out JwtError error)
    {
        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(MaxJsonDepth));
        try
        {
            reader.Read();
            if (!DpopProofHeader.TryReadJson(ref reader, JwtReadOptions.Default, out header, out error))
            {
                // The strict pass saw a jwk object of strings; what is left is a missing kty.
                error = JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk");
                return false;
            }

            error = default;
            return true;
        }
        catch (JsonException)
        {
            // Unreachable: the strict JOSE pass read this JSON first.
            header = null;
            error = JwtError.Create(JwtErrorCode.MalformedJson, "header");
            return false;
        }
    }

    private static bool TryReadPayload(ReadOnlySpan<byte> json, [NotNullWhen(true)] out DpopProof? payload, out JwtError error)
    {
        payload = null;
        if (!JwtJson.IsUtf8(json))
        {
            error = JwtError.Create(JwtErrorCode.MalformedJson, "payload");
            return false;
        }

        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(MaxJsonDepth));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = JwtError.Create(JwtErrorCode.MalformedJson, "payload");
                return false;
            }

            if (!DpopProof.TryReadJson(ref reader, JwtReadOptions.Default, out payload, out error))
            {
                return false;
            }

            if (reader.Read())
            {
                error = JwtError.Create(JwtErrorCode.MalformedJson, "payload");
                payload = null;
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            payload = null;
            error = JwtJson.Failure(ref reader, MaxJsonDepth, "payload");
            return false;
        }
    }

    // The key is imported as TypedJwt imports any JWK, bound to the header's alg: the curve must be the alg's, an RSA
    // modulus at least 2048 bits, the point on the curve. A key it refuses is the proof's fault, never an exception.
    private static bool ImportAndVerify(DpopPublicKey jwk, JwsAlgorithm algorithm, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature, out JwtError error)
    {
        JwtSigningKey key;
        try
        {
            var members = new JsonWebKeyMembers
            {
                KeyType = jwk.KeyType,
                Algorithm = JwsAlgorithmNames.GetName(algorithm),
                Curve = jwk.Curve,
                X = Decode(jwk.X),
                Y = Decode(jwk.Y),
                Modulus = Decode(jwk.Modulus),
                Exponent = Decode(jwk.Exponent),
            };
            key = JsonWebKeyImporter.Import(members);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or FormatException)
        {
            error = JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk");
            return false;
        }

        if (key.CanSign)
        {
            error = JwtError.Create(JwtErrorCode.DpopKeyInvalid, "jwk");
            return false;
        }

        error = key.Verify(signingInput, signature) ? default : JwtError.Create(JwtErrorCode.InvalidSignature);
        return error.IsNone;
    }

    private static byte[]? Decode(string? base64Url)
    {
        if (base64Url is null)
        {
            return null;
        }

        return JwtBase64Url.TryDecodeToArray(Encoding.ASCII.GetBytes(base64Url), out byte[] bytes)
            ? bytes
            : throw new FormatException("A JWK member is not strict base64url.");
    }

    private static bool TryThumbprint(DpopPublicKey jwk, Span<byte> destination) =>
        JwkThumbprint.TryComputeSha256(Bytes(jwk.KeyType), Bytes(jwk.Curve), Bytes(jwk.X), Bytes(jwk.Y), Bytes(jwk.Modulus), Bytes(jwk.Exponent), destination);

    private static ReadOnlySpan<byte> Bytes(string? value) => value is null ? default : Encoding.UTF8.GetBytes(value);

    private static bool FixedTimeEquals(ReadOnlySpan<byte> thumbprint, string expected)
    {
        if (expected.Length != thumbprint.Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[JwkThumbprint.Sha256Base64UrlLength];
        int written = Encoding.UTF8.GetBytes(expected, bytes);
        return written == thumbprint.Length && CryptographicOperations.FixedTimeEquals(bytes.Slice(0, written), thumbprint);
    }
}
