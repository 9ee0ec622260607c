using System;
using System.Diagnostics.CodeAnalysis;

namespace TypedJwt;

/// <summary>
/// What the three validators share: the public methods, written once over the validation pipeline of their token form.
/// Only TypedJwt derives from it (its constructor is not accessible outside the library), so that each validator keeps
/// accepting exactly one token form.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public abstract class JwtValidatorBase<TPayload> : IJwtValidator<TPayload> where TPayload : IJwtPayload<TPayload>
{
    private readonly IJwtValidationPipeline<TPayload> _pipeline;

    private protected JwtValidatorBase(IJwtValidationPipeline<TPayload> pipeline)
    {
        _pipeline = pipeline;
    }

    /// <inheritdoc/>
    public JwtValidationPolicy Policy => _pipeline.Policy;

    /// <inheritdoc/>
    public VerifiedTokenCacheStatistics? CacheStatistics => _pipeline.Cache?.Statistics;

    /// <summary>Forgets every token the cache remembers, when the keys it was verified with change.</summary>
    internal void InvalidateCache() => _pipeline.Cache?.Invalidate();

    /// <inheritdoc/>
    public JwtError Validate(ReadOnlySpan<byte> token) => _pipeline.Run(token, materialize: false, out _);

    /// <inheritdoc/>
    public JwtError Validate(ReadOnlySpan<char> token) => _pipeline.Run(token, materialize: false, out _);

    /// <inheritdoc/>
    public bool TryValidate(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        error = _pipeline.Run(token, materialize: true, out payload);
        return error.IsNone;
    }

    /// <inheritdoc/>
    public bool TryValidate(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error)
    {
        error = _pipeline.Run(token, materialize: true, out payload);
        return error.IsNone;
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
        error = _pipeline.Run(token, out payload, out header);
        return error.IsNone;
    }

    /// <inheritdoc/>
    public bool TryValidate<THeader>(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader>
    {
        error = _pipeline.Run(token, out payload, out header);
        return error.IsNone;
    }
}
