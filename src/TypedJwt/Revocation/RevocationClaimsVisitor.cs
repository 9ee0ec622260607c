using System;
using System.Globalization;

namespace TypedJwt;

/// <summary>
/// Collects the six registered claims <see cref="JwtRevocationClaims"/> holds from a payload's visit. One instance per
/// thread, reset before each use: the visit is synchronous and never re-enters, and a request then allocates no visitor.
/// </summary>
internal sealed class RevocationClaimsVisitor : IJwtClaimVisitor
{
    // A claim seen twice (an array under a registered name) is not one value; this marks it so.
    private static readonly string Ambiguous = new('\0', 1);

    [ThreadStatic]
    private static RevocationClaimsVisitor? t_visitor;

    private string? _issuer;
    private string? _tokenId;
    private string? _subject;
    private string? _sessionId;
    private long? _issuedAt;
    private long? _expiresAt;
    private bool _issuedAtAmbiguous;
    private bool _expiresAtAmbiguous;

    public static JwtRevocationClaims Read<TPayload>(TPayload payload)
        where TPayload : IJwtPayload<TPayload>
    {
        RevocationClaimsVisitor visitor = t_visitor ?? new RevocationClaimsVisitor();
        t_visitor = null;
        try
        {
            payload.VisitClaims(visitor);
            return new JwtRevocationClaims
            {
                Issuer = Single(visitor._issuer),
                TokenId = Single(visitor._tokenId),
                Subject = Single(visitor._subject),
                SessionId = Single(visitor._sessionId),
                IssuedAt = visitor._issuedAtAmbiguous ? null : Seconds(visitor._issuedAt),
                ExpiresAt = visitor._expiresAtAmbiguous ? null : Seconds(visitor._expiresAt),
            };
        }
        finally
        {
            visitor.Reset();
            t_visitor = visitor;
        }
    }

    public void VisitString(string name, string value)
    {
        switch (name)
        {
            case "iss": Set(ref _issuer, value); break;
            case "jti": Set(ref _tokenId, value); break;
            case "sub": Set(ref _subject, value); break;
            case "sid": Set(ref _sessionId, value); break;
        }
    }

    public void VisitInteger(string name, long value)
    {
        switch (name)
        {
            case "iat": Set(ref _issuedAt, ref _issuedAtAmbiguous, value); break;
            case "exp": Set(ref _expiresAt, ref _expiresAtAmbiguous, value); break;

            // Identifiers are strings in RFC 7519; a type that declares one as a number still identifies its tokens.
            case "jti" or "sub" or "sid": VisitString(name, value.ToString(CultureInfo.InvariantCulture)); break;
        }
    }

    public void VisitNumber(string name, double value)
    {
        // A NumericDate may be fractional (RFC 7519 §2); whole seconds are what the stores compare.
        if (name is "iat" or "exp" && double.IsFinite(value) && value is > -1e15 and < 1e15)
        {
            VisitInteger(name, (long)Math.Floor(value));
        }
    }

    public void VisitNumber(string name, decimal value)
    {
        if (name is "iat" or "exp" && value is > -1e15m and < 1e15m)
        {
            VisitInteger(name, (long)decimal.Floor(value));
        }
    }

    public void VisitBoolean(string name, bool value)
    {
    }

    public void VisitObject<TClaims>(string name, TClaims value)
        where TClaims : IJwtClaimSet<TClaims>
    {
    }

    private static void Set(ref string? field, string value) => field = field is null ? value : Ambiguous;

    private static void Set(ref long? field, ref bool ambiguous, long value)
    {
        ambiguous |= field is not null;
        field = value;
    }

    private static string? Single(string? value) => ReferenceEquals(value, Ambiguous) ? null : value;

    private static DateTimeOffset? Seconds(long? value) =>
        value is { } seconds && seconds >= -62_135_596_800 && seconds <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private void Reset()
    {
        _issuer = _tokenId = _subject = _sessionId = null;
        _issuedAt = _expiresAt = null;
        _issuedAtAmbiguous = _expiresAtAmbiguous = false;
    }
}
