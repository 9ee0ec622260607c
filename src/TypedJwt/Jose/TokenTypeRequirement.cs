using System;
using System.Text;

namespace TypedJwt;

/// <summary>
/// The <c>typ</c> a validator requires (RFC 8725 §3.11), compared as a media type (RFC 7515 §4.1.9): case-insensitively, with
/// <c>application/</c> implied where the value has no other <c>/</c>, on both sides, so <c>at+jwt</c>,
/// <c>application/at+jwt</c> and <c>Application/AT+JWT</c> are one type. A payload type without <c>TokenType</c> requires
/// <c>JWT</c> or no <c>typ</c> at all, so that a token of another kind (<c>logout+jwt</c>, <c>dpop+jwt</c>,
/// <c>secevent+jwt</c>, RFC 8725 §3.12) is never taken for it.
/// </summary>
internal readonly struct TokenTypeRequirement
{
    private static readonly byte[] ApplicationPrefix = "application/"u8.ToArray();

    // The required type without its "application/" prefix; null when nothing is required.
    private readonly byte[]? _type;
    private readonly bool _absentAllowed;

    private TokenTypeRequirement(byte[] type, bool absentAllowed)
    {
        _type = Normalize(type).ToArray();
        _absentAllowed = absentAllowed;
    }

    /// <summary>No requirement: any <c>typ</c>, or none (the outer layer of a nested token, whose own <c>typ</c> is not trusted).</summary>
    public static TokenTypeRequirement None => default;

    /// <summary>The requirement of a payload type: its <c>TokenType</c>, or <c>JWT</c>-or-absent when it declares none.</summary>
    public static TokenTypeRequirement For(string? tokenType) =>
        tokenType is null ? new("JWT"u8.ToArray(), absentAllowed: true) : new(Encoding.UTF8.GetBytes(tokenType), absentAllowed: false);

    /// <summary>Whether a header with (or without, <paramref name="hasType"/> false) a <c>typ</c> that <paramref name="typeMatches"/> is accepted.</summary>
    public bool Accepts(bool hasType, bool typeMatches) => _type is null || (hasType ? typeMatches : _absentAllowed);

    /// <summary>Whether the unescaped media type <paramref name="value"/> is the required one.</summary>
    public bool Matches(ReadOnlySpan<byte> value) => _type is not null && System.Text.Ascii.EqualsIgnoreCase(Normalize(value), _type);

    private static ReadOnlySpan<byte> Normalize(ReadOnlySpan<byte> type)
    {
        ReadOnlySpan<byte> prefix = ApplicationPrefix;
        return type.Length > prefix.Length
            && System.Text.Ascii.EqualsIgnoreCase(type.Slice(0, prefix.Length), prefix)
            && !type.Slice(prefix.Length).Contains((byte)'/')
            ? type.Slice(prefix.Length)
            : type;
    }
}
