using System;
using System.Globalization;

namespace TypedJwt;

/// <summary>
/// The keys the shared stores (IDistributedCache, Redis) file entries under: <c>{prefix}{kind}:{length of iss}:{iss}:{value}</c>
/// with kind <c>jti</c> (revoked token), <c>used</c> (one-time token used), <c>sub</c> or <c>sid</c> (revoked up to an
/// instant). The length makes the key unambiguous whatever the issuer contains; the key is made of the token's
/// identifiers, never its bytes or a hash of them (an ECDSA signature is malleable: one token, many byte forms).
/// </summary>
public static class JwtRevocationKeys
{
    /// <summary>The prefix the stores use unless told otherwise: <c>typedjwt:</c>.</summary>
    public const string DefaultPrefix = "typedjwt:";

    /// <summary>The key of a revoked token.</summary>
    public static string Token(string prefix, string issuer, string tokenId) => Key(prefix, "jti", issuer, tokenId);

    /// <summary>The key of a used one-time token.</summary>
    public static string Used(string prefix, string issuer, string tokenId) => Key(prefix, "used", issuer, tokenId);

    /// <summary>The key of a subject's "revoked up to" instant.</summary>
    public static string Subject(string prefix, string issuer, string subject) => Key(prefix, "sub", issuer, subject);

    /// <summary>The key of a session's "revoked up to" instant.</summary>
    public static string Session(string prefix, string issuer, string sessionId) => Key(prefix, "sid", issuer, sessionId);

    private static string Key(string prefix, string kind, string issuer, string value)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(value);
        return string.Concat(prefix, kind, ":", issuer.Length.ToString(CultureInfo.InvariantCulture), ":", issuer + ":" + value);
    }
}
