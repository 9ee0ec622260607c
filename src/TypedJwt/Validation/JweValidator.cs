using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace TypedJwt;

/// <summary>
/// Validates encrypted tokens (JWE Compact Serialization, RFC 7516) whose plaintext is the claims set of
/// <typeparamref name="TPayload"/> (a payload type declared with <c>Encrypted = true</c>): the key is selected by <c>kid</c>
/// and must be bound to the header's <c>alg</c> and <c>enc</c>; the authentication tag is checked before any plaintext is
/// used; the header's <c>typ</c> must be the payload type's <c>TokenType</c>; then the policy's claims, and claims the header
/// replicates (<c>iss</c>, <c>sub</c>, <c>aud</c>, RFC 7519 §5.3) must be byte-identical to them. A signed token (JWS)
/// and a nested token (<c>cty: JWT</c>; use <see cref="NestedJwtValidator{TPayload}"/>) are rejected. Thread-safe; create
/// one per key set and policy and keep it. No method throws for bad input.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class JweValidator<TPayload> where TPayload : IJwtPayload<TPayload>
{
    private readonly JweTokenReader _reader;
    private readonly RegisteredClaimsValidator _claims;
    private readonly JwtReadOptions _readOptions;

    /// <summary>Creates a validator that decrypts with one key.</summary>
    /// <exception cref="ArgumentException">The key cannot decrypt, or the policy is inconsistent.</exception>
    public JweValidator(JwtEncryptionKey key, JwtValidationPolicy policy)
        : this([key ?? throw new ArgumentNullException(nameof(key))], policy)
    {
    }

    /// <summary>Creates a validator that selects the key by the header's <c>kid</c>.</summary>
    /// <exception cref="ArgumentException">A key cannot decrypt, two keys share a <c>kid</c>, a key of several has no <c>kid</c>, or the policy is inconsistent.</exception>
    public JweValidator(IEnumerable<JwtEncryptionKey> keys, JwtValidationPolicy policy)
    {
        _reader = new JweTokenReader(keys, policy, TokenTypeRequirement.For(TPayload.TokenType), nested: false, authenticatesSender: true);
        _claims = new RegisteredClaimsValidator(policy);
        _readOptions = new JwtReadOptions(policy.MaxArrayLength);
    }

    /// <summary>The policy this validator enforces.</summary>
    public JwtValidationPolicy Policy => _reader.Policy;

    /// <summary>Decrypts the token and checks its <c>typ</c> and registered claims without building the claims object.</summary>
    public JwtError Validate(ReadOnlySpan<byte> token) => Run(token, materialize: false, out _);

    /// <summary>Checks a token given as characters; see <see cref="Validate(ReadOnlySpan{byte})"/>.</summary>
    public JwtError Validate(ReadOnlySpan<char> token) => RunChars(token, materialize: false, out _);

    /// <summary>Validates the token and reads its typed claims, then checks their declared constraints.</summary>
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

        using var scratch = new JwtScratch(JweTokenReader.GetScratchLength(token.Length), stackalloc byte[JwtScratch.StackLength]);
        JwtError error = _reader.Decrypt(token, scratch.Span, out Range plaintext, out JweHeader header);
        if (!error.IsNone)
        {
            return error;
        }

        return JwtClaimsMaterializer.ReadDecryptedPayload(scratch.Span, in header, scratch.Span[plaintext], _claims, in _readOptions, materialize, out payload);
    }
}
