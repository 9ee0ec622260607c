using System;
using System.Diagnostics.CodeAnalysis;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The scheme's validator, and beside it, for development, one of <c>dotnet user-jwts</c> tokens whose payload is turned
/// into <typeparamref name="TPayload"/>. A token is tried as the scheme's own first; if that fails, as a user-jwts token.
/// The error reported is the user-jwts one when a development key verified the token's signature (its claims then are
/// what failed), and the scheme's own otherwise.
/// </summary>
internal sealed class UserJwtsValidator<TPayload>(IJwtValidator<TPayload> inner, JwtValidator<UserJwtsToken> userJwts, Func<UserJwtsToken, TPayload> convert)
    : IJwtValidator<TPayload>
    where TPayload : IJwtPayload<TPayload>
{
    public JwtValidationPolicy Policy => inner.Policy;

    public VerifiedTokenCacheStatistics? CacheStatistics => inner.CacheStatistics;

    public JwtError Validate(ReadOnlySpan<byte> token)
    {
        JwtError error = inner.Validate(token);
        return error.IsNone ? error : Pick(error, userJwts.Validate(token));
    }

    public JwtError Validate(ReadOnlySpan<char> token)
    {
        JwtError error = inner.Validate(token);
        return error.IsNone ? error : Pick(error, userJwts.Validate(token));
    }

    public bool TryValidate(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error) =>
        inner.TryValidate(token, out payload, out error)
        || Converted(userJwts.TryValidate(token, out UserJwtsToken? dev, out JwtError devError), dev, devError, out payload, ref error);

    public bool TryValidate(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error) =>
        inner.TryValidate(token, out payload, out error)
        || Converted(userJwts.TryValidate(token, out UserJwtsToken? dev, out JwtError devError), dev, devError, out payload, ref error);

    public bool TryValidate(string? token, [MaybeNullWhen(false)] out TPayload payload, out JwtError error) =>
        TryValidate(token.AsSpan(), out payload, out error);

    // A typed header is the scheme's own token's: user-jwts tokens have none worth reading.
    public bool TryValidate<THeader>(ReadOnlySpan<byte> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader> =>
        inner.TryValidate(token, out payload, out header, out error);

    public bool TryValidate<THeader>(ReadOnlySpan<char> token, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out THeader header, out JwtError error)
        where THeader : IJwtHeader<THeader> =>
        inner.TryValidate(token, out payload, out header, out error);

    private bool Converted(bool valid, UserJwtsToken? dev, JwtError devError, [MaybeNullWhen(false)] out TPayload payload, ref JwtError error)
    {
        if (valid)
        {
            payload = convert(dev!);
            error = JwtError.None;
            return true;
        }

        payload = default;
        error = Pick(error, devError);
        return false;
    }

    // Claim-level codes (MissingClaim and after) come only once the signature was verified: with a development key here.
    private static JwtError Pick(JwtError schemeError, JwtError devError) =>
        devError.Code >= JwtErrorCode.MissingClaim ? devError : schemeError;
}
