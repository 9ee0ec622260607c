using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Validates signed tokens (JWS Compact Serialization) whose payload is <typeparamref name="TPayload"/>: the key set
/// selects the key by <c>kid</c>, the key's algorithm must equal the header's <c>alg</c>, the signature is checked before
/// any claim, the header's <c>typ</c> must be the payload type's <c>TokenType</c>, then the policy's claims. Thread-safe;
/// create one per key set and policy and keep it. No method throws for bad input.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class JwtValidator<TPayload> where TPayload : IJwtPayload<TPayload>
{
    // Tokens up to this length are checked on stack memory, sized to the token (the runtime zeroes stack memory it hands
    // out, so a fixed 2 KiB would cost a 2 KiB clear per call for a 400-byte token); longer ones rent from the shared pool.
    private const int StackScratchLength = 2048;

    private readonly JwtTokenReader _reader;
    private readonly RegisteredClaimsValidator _claims;
    private readonly JwtReadOptions _readOptions;

    /// <summary>Creates a validator that verifies with one key.</summary>
    public JwtValidator(JwtSigningKey key, JwtValidationPolicy policy)
        : this(new JwtKeySet(key), policy)
    {
    }

    /// <summary>Creates a validator that selects the key from <paramref name="keys"/> by the header's <c>kid</c>.</summary>
    /// <exception cref="ArgumentException">The policy is inconsistent (for example it names no issuer); the message says which setting.</exception>
    public JwtValidator(JwtKeySet keys, JwtValidationPolicy policy)
    {
        _reader = new JwtTokenReader(keys, policy, TokenTypeRequirement.For(TPayload.TokenType));
        _claims = new RegisteredClaimsValidator(policy);
        _readOptions = new JwtReadOptions(policy.MaxArrayLength);
    }

    /// <summary>The policy this validator enforces.</summary>
    public JwtValidationPolicy Policy => _reader.Policy;

    /// <summary>Checks the token's structure, signature, <c>typ</c> and registered claims without building the claims object.</summary>
    public JwtError Validate(ReadOnlySpan<byte> token) => Run<NoJwtHeader>(token, materialize: false, out _, out _);

    /// <summary>Checks a token given as characters (for example an HTTP header value); see <see cref="Validate(ReadOnlySpan{byte})"/>.</summary>
    public JwtError Validate(ReadOnlySpan<char> token) => RunChars<NoJwtHeader>(token, materialize: false, out _, out _);

    /// <summary>Validates the token and reads its typed claims, then checks their declared constraints.</summary>
    public bool TryValidate(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        error = Run<NoJwtHeader>(token, materialize: true, out payload, out _);
        return error.IsNone;
    }

    /// <summary>Validates a token given as characters and reads its typed claims.</summary>
    public bool TryValidate(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        error = RunChars<NoJwtHeader>(token, materialize: true, out payload, out _);
        return error.IsNone;
    }

    /// <summary>Validates the token and reads its typed claims and its typed header (a <see cref="JwtHeaderAttribute"/> type).</summary>
    public bool TryValidate<THeader>(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader>
    {
        error = Run(token, materialize: true, out payload, out header);
        return error.IsNone;
    }

    /// <summary>Validates a token given as characters and reads its typed claims and typed header.</summary>
    public bool TryValidate<THeader>(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader>
    {
        error = RunChars(token, materialize: true, out payload, out header);
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

    private JwtError RunChars<THeader>(ReadOnlySpan<char> token, bool materialize, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader>
    {
        payload = default;
        header = default;
        if (token.Length > Policy.MaxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        // A compact JWS is ASCII only; anything else cannot be a token.
        using var bytes = new JwtScratch(token.Length, token.Length <= StackScratchLength ? stackalloc byte[token.Length] : default);
        return JwtScratch.TryToAscii(token, bytes.Span, out int written)
            ? Run(bytes.Span.Slice(0, written), materialize, out payload, out header)
            : JwtError.Create(JwtErrorCode.MalformedToken);
    }

    private JwtError Run<THeader>(ReadOnlySpan<byte> token, bool materialize, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader>
    {
        payload = default;
        header = default;
        if (token.Length > Policy.MaxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        using var scratch = new JwtScratch(token.Length, token.Length <= StackScratchLength ? stackalloc byte[token.Length] : default);
        JwtError error = _reader.Read(token, scratch.Span, out Range headerRange, out Range payloadRange);
        if (!error.IsNone)
        {
            return error;
        }

        if (!materialize)
        {
            return _claims.Validate(scratch.Span[payloadRange]);
        }

        // One pass reads the typed payload and checks the registered claims; the typed header comes after the claims and
        // before the payload's own read errors, as in the documented order.
        error = JwtClaimsMaterializer.ReadPayload(scratch.Span[payloadRange], _claims, in _readOptions, out TPayload? read, out JwtError readError);
        if (!error.IsNone)
        {
            return error;
        }

        if (typeof(THeader) != typeof(NoJwtHeader))
        {
            error = Materialize(scratch.Span[headerRange], "header", out header);
            if (!error.IsNone)
            {
                return error;
            }
        }

        return JwtClaimsMaterializer.Complete(read, readError, out payload);
    }

    private JwtError Materialize<TClaims>(ReadOnlySpan<byte> json, string part, out TClaims? claims)
        where TClaims : IJwtClaimSet<TClaims> =>
        JwtClaimsMaterializer.Materialize(json, Policy, in _readOptions, part, out claims);
}
