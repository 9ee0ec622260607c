using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace TypedJwt;

/// <summary>
/// Validates nested sign-then-encrypt tokens (RFC 7519 §11.2, §A.2): a JWE whose header says <c>cty: JWT</c> and whose
/// plaintext is a JWS of <typeparamref name="TPayload"/>. Both layers are verified: the outer one with the decryption keys
/// (bound to <c>alg</c> and <c>enc</c>), the inner one exactly as <see cref="JwtValidator{TPayload}"/> does, with the signing
/// keys, including its <c>typ</c> (the payload type's <c>TokenType</c>, RFC 8725 §3.11) and the policy's claims. The
/// binding between the layers: the outer header must declare the nested token (<c>cty: JWT</c>), the inner token must be a
/// JWS (never a second JWE), claims the outer header replicates (<c>iss</c>, <c>sub</c>, <c>aud</c>, RFC 7519 §5.3) must be
/// byte-identical to the signed ones, and the outer header's own <c>typ</c> is not trusted for anything. A plain JWE, a bare JWS and
/// a JWE without <c>cty: JWT</c> are rejected. Thread-safe; no method throws for bad input.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class NestedJwtValidator<TPayload> where TPayload : IJwtPayload<TPayload>
{
    private readonly JweTokenReader _outer;
    private readonly JwtTokenReader _inner;
    private readonly RegisteredClaimsValidator _claims;
    private readonly JwtReadOptions _readOptions;

    /// <summary>Creates a validator that decrypts with one key and verifies the inner token with <paramref name="signingKeys"/>.</summary>
    /// <exception cref="ArgumentException">The key cannot decrypt, or the policy is inconsistent.</exception>
    public NestedJwtValidator(JwtEncryptionKey encryptionKey, JwtKeySet signingKeys, JwtValidationPolicy policy)
        : this([encryptionKey ?? throw new ArgumentNullException(nameof(encryptionKey))], signingKeys, policy)
    {
    }

    /// <summary>Creates a validator that selects the decryption key by the outer header's <c>kid</c>.</summary>
    /// <exception cref="ArgumentException">A key cannot decrypt, two keys share a <c>kid</c>, or the policy is inconsistent.</exception>
    public NestedJwtValidator(IEnumerable<JwtEncryptionKey> encryptionKeys, JwtKeySet signingKeys, JwtValidationPolicy policy)
    {
        _outer = new JweTokenReader(encryptionKeys, policy, TokenTypeRequirement.None, nested: true, authenticatesSender: false);
        _inner = new JwtTokenReader(signingKeys, policy, TokenTypeRequirement.For(TPayload.TokenType));
        _claims = new RegisteredClaimsValidator(policy);
        _readOptions = new JwtReadOptions(policy.MaxArrayLength);
    }

    /// <summary>The policy this validator enforces.</summary>
    public JwtValidationPolicy Policy => _outer.Policy;

    /// <summary>Decrypts the token, verifies the inner signed token and checks its <c>typ</c> and registered claims.</summary>
    public JwtError Validate(ReadOnlySpan<byte> token) => Run(token, materialize: false, out _);

    /// <summary>Checks a token given as characters; see <see cref="Validate(ReadOnlySpan{byte})"/>.</summary>
    public JwtError Validate(ReadOnlySpan<char> token) => RunChars(token, materialize: false, out _);

    /// <summary>Validates both layers and reads the typed claims, then checks their declared constraints.</summary>
    public bool TryValidate(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        error = Run(token, materialize: true, out payload);
        return error.IsNone;
    }

    /// <summary>Validates a token given as characters and reads its typed claims.</summary>
    public bool TryValidate(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        error = RunChars(token, materialize: true, out payload);
        return error.IsNone;
    }

    /// <summary>Validates a token string and reads its typed claims. A null token is <see cref="JwtErrorCode.MalformedToken"/>.</summary>
    public bool TryValidate(string? token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        if (token is null)
        {
            payload = default;
            error = JwtError.Create(JwtErrorCode.MalformedToken);
            return false;
        }

        return TryValidate(token.AsSpan(), out payload, out error);
    }

    private JwtError RunChars(ReadOnlySpan<char> token, bool materialize, out TPayload? payload)
    {
        payload = default;
        if (token.Length > Policy.MaxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        using var bytes = new JwtScratch(token.Length, stackalloc byte[JwtScratch.StackLength / 2]);
        return JwtScratch.TryToAscii(token, bytes.Span, out int written)
            ? Run(bytes.Span.Slice(0, written), materialize, out payload)
            : JwtError.Create(JwtErrorCode.MalformedToken);
    }

    private JwtError Run(ReadOnlySpan<byte> token, bool materialize, out TPayload? payload)
    {
        payload = default;
        if (token.Length > Policy.MaxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        // The outer layer needs twice the token; the inner token (no longer than the token) is read in the space after it.
        int outerLength = JweTokenReader.GetScratchLength(token.Length);
        using var scratch = new JwtScratch(outerLength + token.Length, stackalloc byte[JwtScratch.StackLength]);
        JwtError error = _outer.Decrypt(token, scratch.Span.Slice(0, outerLength), out Range plaintext, out JweHeader header);
        if (!error.IsNone)
        {
            return error;
        }

        Span<byte> innerScratch = scratch.Span.Slice(outerLength);
        error = _inner.Read(scratch.Span[plaintext], innerScratch, out _, out Range payloadRange);
        if (!error.IsNone)
        {
            return error;
        }

        // The binding between the layers: claims the outer header replicates must be the signed claims (RFC 7519 §5.3).
        return JwtClaimsMaterializer.ReadDecryptedPayload(scratch.Span, in header, innerScratch[payloadRange], _claims, in _readOptions, materialize, out payload);
    }
}
