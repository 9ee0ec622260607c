using System;
using System.Diagnostics.CodeAnalysis;

namespace TypedJwt;

/// <summary>
/// Validates tokens whose payload is <typeparamref name="TPayload"/>, in one token form: <see cref="JwtValidator{TPayload}"/>
/// (signed, JWS), <see cref="JweValidator{TPayload}"/> (encrypted with a shared key, JWE) or
/// <see cref="NestedJwtValidator{TPayload}"/> (signed, then encrypted). Each accepts exactly its own form and refuses the
/// others, so code that holds an <see cref="IJwtValidator{TPayload}"/> (the ASP.NET Core handler, a test) works with any
/// of them without widening what is accepted. Implementations are thread-safe, and no method throws for bad input: every
/// refusal is a <see cref="JwtError"/>.
/// </summary>
/// <typeparam name="TPayload">A <see cref="JwtPayloadAttribute"/> type.</typeparam>
public interface IJwtValidator<TPayload> where TPayload : IJwtPayload<TPayload>
{
    /// <summary>The policy this validator enforces.</summary>
    JwtValidationPolicy Policy { get; }

    /// <summary>What the verified-token cache has done, or null when the validator has none.</summary>
    VerifiedTokenCacheStatistics? CacheStatistics { get; }

    /// <summary>Checks the token up to and including its registered claims, without building the claims object.</summary>
    JwtError Validate(ReadOnlySpan<byte> token);

    /// <summary>Checks a token given as characters (for example an HTTP header value); see <see cref="Validate(ReadOnlySpan{byte})"/>.</summary>
    JwtError Validate(ReadOnlySpan<char> token);

    /// <summary>Validates the token and reads its typed claims, then checks their declared constraints.</summary>
    bool TryValidate(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error);

    /// <summary>Validates a token given as characters and reads its typed claims.</summary>
    bool TryValidate(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error);

    /// <summary>Validates a token string and reads its typed claims. A null token is <see cref="JwtErrorCode.MalformedToken"/>.</summary>
    bool TryValidate(string? token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error);

    /// <summary>
    /// Validates the token and reads its typed claims and its typed header (a <see cref="JwtHeaderAttribute"/> type): the JWS
    /// header of a signed token, the protected header of an encrypted one, and the inner, signed header of a nested one.
    /// </summary>
    bool TryValidate<THeader>(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader>;

    /// <summary>Validates a token given as characters and reads its typed claims and typed header.</summary>
    bool TryValidate<THeader>(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader>;
}
