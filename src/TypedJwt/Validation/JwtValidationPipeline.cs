using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>The validation pipeline as the validators' shared base sees it: one interface call, then direct calls inside.</summary>
internal interface IJwtValidationPipeline<TPayload> where TPayload : IJwtPayload<TPayload>
{
    JwtValidationPolicy Policy { get; }

    VerifiedTokenCache? Cache { get; }

    JwtError Run(ReadOnlySpan<byte> token, bool materialize, out TPayload? payload);

    JwtError Run(ReadOnlySpan<char> token, bool materialize, out TPayload? payload);

    JwtError Run<THeader>(ReadOnlySpan<byte> token, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader>;

    JwtError Run<THeader>(ReadOnlySpan<char> token, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader>;
}

/// <summary>
/// Validation of one token form, from the bytes or characters of a token to a typed payload. It owns what every form
/// shares: the length check (once, before anything else), characters to ASCII, one scratch buffer sized to the token
/// (on the stack up to <see cref="StackScratchLength"/>, pooled beyond, cleared afterwards), and the claims stage in the
/// documented order: the registered claims (read in the same pass as the typed payload), the form's binding between
/// layers, the typed header, the payload's own read errors, then its declared constraints. With a verified-token cache, a
/// token it verified in full before goes straight to the claims stage (the time claims are checked again, the typed
/// payload is read again, fresh), and a token that passes every check is remembered. The form itself
/// (<typeparamref name="TEnvelope"/>: <see cref="JwsEnvelope"/>, <see cref="JweEnvelope"/>, <see cref="NestedEnvelope"/>) is
/// a struct, so its calls are direct.
/// </summary>
internal sealed class JwtValidationPipeline<TPayload, TEnvelope> : IJwtValidationPipeline<TPayload>
    where TPayload : IJwtPayload<TPayload>
    where TEnvelope : struct, ITokenEnvelope
{
    // Scratch up to this size comes from the stack, sized to the token: the runtime zeroes what it hands out, so a fixed
    // 4 KiB would cost a 4 KiB clear for a 400-byte token. Larger needs rent from the shared pool.
    internal const int StackScratchLength = 4096;

    private readonly TEnvelope _envelope;
    private readonly RegisteredClaimsValidator _claims;
    private readonly JwtReadOptions _readOptions;
    private readonly JwtKeySource? _refreshedKeys;

    /// <param name="envelope">The token form.</param>
    /// <param name="policy">What a token must satisfy.</param>
    /// <param name="cache">The verified-token cache's limits, or null.</param>
    /// <param name="refreshedKeys">
    /// A key source whose keys change (a provider's): read before a cache hit too, so that its refresh schedule and maximum
    /// staleness apply to tokens the cache accepts. Null for fixed keys.
    /// </param>
    public JwtValidationPipeline(TEnvelope envelope, JwtValidationPolicy policy, VerifiedTokenCacheOptions? cache, JwtKeySource? refreshedKeys = null)
    {
        _refreshedKeys = refreshedKeys is { IsFixed: false } ? refreshedKeys : null;
        _envelope = envelope;
        _claims = new RegisteredClaimsValidator(policy);
        _readOptions = new JwtReadOptions(policy.MaxArrayLength);
        Policy = policy;
        Cache = cache is null ? null : new VerifiedTokenCache(cache);
    }

    public JwtValidationPolicy Policy { get; }

    public VerifiedTokenCache? Cache { get; }

    public JwtError Run(ReadOnlySpan<byte> token, bool materialize, out TPayload? payload) =>
        Run<NoJwtHeader>(token, materialize, out payload, out _);

    public JwtError Run(ReadOnlySpan<char> token, bool materialize, out TPayload? payload) =>
        Run<NoJwtHeader>(token, materialize, out payload, out _);

    public JwtError Run<THeader>(ReadOnlySpan<byte> token, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader> =>
        Run(token, materialize: true, out payload, out header);

    public JwtError Run<THeader>(ReadOnlySpan<char> token, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader> =>
        Run(token, materialize: true, out payload, out header);

    private JwtError Run<THeader>(ReadOnlySpan<char> token, bool materialize, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader>
    {
        payload = default;
        header = default;
        if (token.Length > Policy.MaxTokenLength)
        {
            return JwtError.Create(JwtErrorCode.TokenTooLong);
        }

        // The token's ASCII and the form's scratch share one buffer.
        int length = token.Length + _envelope.GetScratchLength(token.Length);
        using var scratch = new JwtScratch(length, length <= StackScratchLength ? stackalloc byte[length] : default);
        Span<byte> ascii = scratch.Span.Slice(0, token.Length);

        // A compact token is ASCII only; anything else cannot be one.
        return JwtScratch.TryToAscii(token, ascii, out _)
            ? Open(ascii, scratch.Span.Slice(token.Length), materialize, out payload, out header)
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

        int length = _envelope.GetScratchLength(token.Length);
        using var scratch = new JwtScratch(length, length <= StackScratchLength ? stackalloc byte[length] : default);
        return Open(token, scratch.Span, materialize, out payload, out header);
    }

    private JwtError Open<THeader>(ReadOnlySpan<byte> token, Span<byte> scratch, bool materialize, out TPayload? payload, out THeader? header)
        where THeader : IJwtHeader<THeader>
    {
        payload = default;
        header = default;

        // A typed header is read from the header JSON, which the cache does not keep: that path always verifies in full.
        VerifiedTokenCache? cache = typeof(THeader) == typeof(NoJwtHeader) ? Cache : null;
        int hash = 0;
        long now = 0;
        if (cache is not null && _refreshedKeys is not null && _refreshedKeys.CurrentKeys is null)
        {
            return JwtError.Create(JwtErrorCode.KeysUnavailable);
        }

        if (cache is not null && cache.TryHash(token, out hash))
        {
            now = Policy.TimeProvider.GetUtcNow().UtcTicks;
            if (cache.TryGet(token, hash, now, out VerifiedTokenCache.Entry? entry))
            {
                return materialize ? ReadFromCache(entry, now, out payload) : _claims.Check(entry.Registered, now);
            }
        }
        else
        {
            cache = null;
        }

        JwtError error = _envelope.Open(token, scratch, out TokenParts parts);
        if (!error.IsNone)
        {
            return error;
        }

        ReadOnlySpan<byte> json = scratch[parts.Payload];
        JwtRegisteredClaims registered;
        if (!materialize)
        {
            error = _claims.Validate(json, out registered);
            error = error.IsNone ? _envelope.CheckBinding(scratch, in parts) : error;
            if (error.IsNone)
            {
                cache?.Add(token, hash, json, in registered, now);
            }

            return error;
        }

        error = ReadPayload(json, out TPayload? read, out JwtError readError, out registered, now);
        if (error.IsNone)
        {
            error = _envelope.CheckBinding(scratch, in parts);
        }

        if (error.IsNone && typeof(THeader) != typeof(NoJwtHeader))
        {
            error = ReadHeader(scratch[parts.Header], out header);
        }

        if (error.IsNone)
        {
            error = readError.IsNone ? read!.ValidateConstraints() : readError;
        }

        if (!error.IsNone)
        {
            header = default;
            return error;
        }

        cache?.Add(token, hash, json, in registered, now, TPayload.IsImmutable ? read : null);
        payload = read;
        return default;
    }

    // A token verified in full before: the claims stage alone, on the payload JSON it had, with the clock read now. An
    // immutable payload type's instance, read and accepted once, is handed out again after the time claims are checked.
    private JwtError ReadFromCache(VerifiedTokenCache.Entry entry, long now, out TPayload? payload)
    {
        JwtError error;
        if (TPayload.IsImmutable && entry.TypedPayload is TPayload shared)
        {
            error = _claims.Check(entry.Registered, now);
            payload = error.IsNone ? shared : default;
            return error;
        }

        error = ReadPayload(entry.Payload, out TPayload? read, out JwtError readError, out _, now);
        if (error.IsNone)
        {
            error = readError.IsNone ? read!.ValidateConstraints() : readError;
        }

        if (error.IsNone && TPayload.IsImmutable)
        {
            entry.TrySetPayload(read!);
        }

        payload = error.IsNone ? read : default;
        return error;
    }

    /// <summary>
    /// Reads the typed payload and checks the registered claims in the same pass. Returns the registered-claims error
    /// (structure, duplicates, limits, then <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>, <c>aud</c>); the typed read's own
    /// error comes back apart in <paramref name="readError"/>, because the form's binding and the typed header are checked
    /// between the two.
    /// </summary>
    private JwtError ReadPayload(ReadOnlySpan<byte> json, out TPayload? payload, out JwtError readError, out JwtRegisteredClaims registered, long now = 0)
    {
        payload = default;
        readError = default;
        registered = new JwtRegisteredClaims(_claims);
        if (!JwtJson.IsUtf8(json))
        {
            return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
        }

        int maxDepth = Policy.MaxJsonDepth;
        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(maxDepth));
        JwtError failure;
        try
        {
            reader.Read();
            bool read = TPayload.TryReadJson(ref reader, in _readOptions, ref registered, out TPayload? value, out failure);
            if (read && !reader.Read())
            {
                JwtError error = now == 0 ? _claims.Check(in registered) : _claims.Check(in registered, now);
                payload = error.IsNone ? value : default;
                return error;
            }

            if (read)
            {
                // Unreachable: the reader throws on anything but whitespace after the one top-level value.
                failure = JwtError.Create(JwtErrorCode.MalformedJson, "payload");
            }
        }
        catch (JsonException)
        {
            failure = JwtJson.Failure(ref reader, maxDepth, "payload");
        }

        // The single pass refused the payload, so the token is refused either way. Which error is reported follows the
        // documented order (structure and registered claims before the typed read), so the registered-claims pass decides;
        // only a refused token pays for a second pass.
        JwtError structural = _claims.Validate(json);
        readError = structural.IsNone ? failure : default;
        return structural;
    }

    /// <summary>Reads a typed header from header JSON the form's reader has already read strictly, then its declared constraints.</summary>
    private JwtError ReadHeader<THeader>(ReadOnlySpan<byte> json, out THeader? header)
        where THeader : IJwtHeader<THeader>
    {
        header = default;
        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(Policy.MaxJsonDepth));
        try
        {
            reader.Read();
            if (!THeader.TryReadJson(ref reader, in _readOptions, out THeader? value, out JwtError error))
            {
                return error;
            }

            error = value.ValidateConstraints();
            header = error.IsNone ? value : default;
            return error;
        }
        catch (JsonException)
        {
            // The header reader already read this JSON strictly, so this is unreachable for tokens it accepted.
            return JwtJson.Failure(ref reader, Policy.MaxJsonDepth, "header");
        }
    }
}
