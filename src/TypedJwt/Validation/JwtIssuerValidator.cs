using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Validates signed tokens from several issuers, each with its own keys, audiences and algorithms: the payload's <c>iss</c>
/// chooses the issuer's validator before any signature is checked, and that validator accepts only its own issuer, so a
/// key of issuer A never verifies a token that claims issuer B. A token whose <c>iss</c> is not registered is refused
/// (<see cref="JwtErrorCode.InvalidIssuer"/>) before any cryptographic work. The <c>iss</c> read here is only a choice: the
/// chosen validator checks the signature, then every claim again, <c>iss</c> included (a repeated <c>iss</c> member is refused
/// there). Encrypted tokens are refused (<see cref="JwtErrorCode.EncryptedTokenNotExpected"/>): their <c>iss</c> cannot be read
/// before decryption. Thread-safe; no method throws for bad input.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class JwtIssuerValidator<TPayload> : IJwtValidator<TPayload> where TPayload : IJwtPayload<TPayload>
{
    private readonly byte[][] _issuers;
    private readonly IJwtValidator<TPayload>[] _validators;
    private readonly int _maxTokenLength;
    private readonly int _maxJsonDepth;

    /// <summary>Creates a validator that chooses among <paramref name="issuers"/> by the token's <c>iss</c>.</summary>
    /// <param name="issuers">
    /// Each issuer (the exact <c>iss</c> value) with its validator, whose policy must accept that issuer and no other
    /// (<see cref="JwtValidationPolicy.ValidIssuers"/> of exactly that value).
    /// </param>
    /// <exception cref="ArgumentException">No issuer, an issuer twice, or a validator whose policy accepts other issuers.</exception>
    public JwtIssuerValidator(IEnumerable<KeyValuePair<string, IJwtValidator<TPayload>>> issuers)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        var names = new List<byte[]>();
        var validators = new List<IJwtValidator<TPayload>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string issuer, IJwtValidator<TPayload> validator) in issuers)
        {
            if (string.IsNullOrEmpty(issuer) || validator is null)
            {
                throw new ArgumentException("Every issuer needs a non-empty name and a validator.", nameof(issuers));
            }

            if (!seen.Add(issuer))
            {
                throw new ArgumentException($"The issuer \"{JwtErrorMessages.Quote(issuer)}\" is registered twice.", nameof(issuers));
            }

            JwtValidationPolicy policy = validator.Policy;
            if (policy.SkipIssuerValidation || policy.ValidIssuers.Count != 1 || !string.Equals(policy.ValidIssuers[0], issuer, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The validator of issuer \"{JwtErrorMessages.Quote(issuer)}\" must accept that issuer and no other, so that its keys never verify a token claiming another issuer.",
                    nameof(issuers));
            }

            names.Add(Encoding.UTF8.GetBytes(issuer));
            validators.Add(validator);
        }

        if (validators.Count == 0)
        {
            throw new ArgumentException("At least one issuer is required.", nameof(issuers));
        }

        _issuers = [.. names];
        _validators = [.. validators];
        foreach (IJwtValidator<TPayload> validator in _validators)
        {
            _maxTokenLength = Math.Max(_maxTokenLength, validator.Policy.MaxTokenLength);
            _maxJsonDepth = Math.Max(_maxJsonDepth, validator.Policy.MaxJsonDepth);
        }
    }

    /// <summary>The policy of the first issuer registered; each issuer's validator enforces its own.</summary>
    public JwtValidationPolicy Policy => _validators[0].Policy;

    /// <summary>The first issuer's verified-token cache statistics, or null.</summary>
    public VerifiedTokenCacheStatistics? CacheStatistics => _validators[0].CacheStatistics;

    /// <summary>The registered issuers, in the order given.</summary>
    public IReadOnlyList<string> Issuers => Array.ConvertAll(_issuers, Encoding.UTF8.GetString);

    /// <inheritdoc/>
    public JwtError Validate(ReadOnlySpan<byte> token)
    {
        JwtError error = Route(token, out IJwtValidator<TPayload>? validator);
        return error.IsNone ? validator!.Validate(token) : error;
    }

    /// <inheritdoc/>
    public JwtError Validate(ReadOnlySpan<char> token)
    {
        JwtError error = Route(token, out IJwtValidator<TPayload>? validator);
        return error.IsNone ? validator!.Validate(token) : error;
    }

    /// <inheritdoc/>
    public bool TryValidate(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        payload = default;
        error = Route(token, out IJwtValidator<TPayload>? validator);
        return error.IsNone && validator!.TryValidate(token, out payload, out error);
    }

    /// <inheritdoc/>
    public bool TryValidate(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        payload = default;
        error = Route(token, out IJwtValidator<TPayload>? validator);
        return error.IsNone && validator!.TryValidate(token, out payload, out error);
    }

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public bool TryValidate<THeader>(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader>
    {
        payload = default;
        header = default;
        error = Route(token, out IJwtValidator<TPayload>? validator);
        return error.IsNone && validator!.TryValidate(token, out payload, out header, out error);
    }

    /// <inheritdoc/>
    public bool TryValidate<THeader>(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader>
    {
        payload = default;
        header = default;
        error = Route(token, out IJwtValidator<TPayload>? validator);
        return error.IsNone && validator!.TryValidate(token, out payload, out header, out error);
    }

    private JwtError Route(ReadOnlySpan<char> token, out IJwtValidator<TPayload>? validator)
    {
        validator = null;
        if (token.Length > _maxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        using var scratch = new JwtScratch(token.Length, token.Length <= JwtScratch.StackLength ? stackalloc byte[token.Length] : default);
        Span<byte> ascii = scratch.Span.Slice(0, token.Length);
        return JwtScratch.TryToAscii(token, ascii, out _) ? Route(ascii, out validator) : JwtError.Create(JwtErrorCode.MalformedToken);
    }

    private JwtError Route(ReadOnlySpan<byte> token, out IJwtValidator<TPayload>? validator)
    {
        validator = null;
        if (token.Length > _maxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        int firstDot = token.IndexOf((byte)'.');
        int secondDot = firstDot < 0 ? -1 : token.Slice(firstDot + 1).IndexOf((byte)'.');
        if (secondDot < 0)
        {
            return JwtError.Create(JwtErrorCode.MalformedToken);
        }

        ReadOnlySpan<byte> encodedPayload = token.Slice(firstDot + 1, secondDot);
        ReadOnlySpan<byte> rest = token.Slice(firstDot + secondDot + 2);
        if (rest.Contains((byte)'.'))
        {
            return rest.Count((byte)'.') == 2 ? JwtError.Create(JwtErrorCode.EncryptedTokenNotExpected) : JwtError.Create(JwtErrorCode.MalformedToken);
        }

        int length = JwtBase64Url.GetMaxDecodedLength(encodedPayload.Length);
        using var scratch = new JwtScratch(length, length <= JwtScratch.StackLength ? stackalloc byte[length] : default);
        if (!JwtBase64Url.TryDecode(encodedPayload, scratch.Span, out int written))
        {
            return JwtError.Create(JwtErrorCode.InvalidBase64Url, "payload");
        }

        return FindIssuer(scratch.Span.Slice(0, written), out validator);
    }

    // The top-level "iss" member of the (not yet verified) payload, compared unescaped with each registered issuer.
    private JwtError FindIssuer(ReadOnlySpan<byte> json, out IJwtValidator<TPayload>? validator)
    {
        validator = null;
        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(_maxJsonDepth));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isIssuer = reader.ValueTextEquals("iss"u8);
                reader.Read();
                if (!isIssuer)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    return JwtError.Create(JwtErrorCode.InvalidClaimType, "iss");
                }

                for (int i = 0; i < _issuers.Length; i++)
                {
                    if (reader.ValueTextEquals(_issuers[i]))
                    {
                        validator = _validators[i];
                        return default;
                    }
                }

                return JwtError.Create(JwtErrorCode.InvalidIssuer, "iss");
            }

            return JwtError.Create(JwtErrorCode.MissingClaim, "iss");
        }
        catch (JsonException)
        {
            return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
        }
    }
}
