using System;
using System.ComponentModel;
using System.Globalization;

namespace TypedJwt;

/// <summary>
/// How generated <see cref="IJwtPayload{TSelf}.VisitClaims"/> code hands claim types that have no visitor method of their
/// own to an <see cref="IJwtClaimVisitor"/>, as the values their JSON carries. Used by generated code; not meant to be
/// called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JwtClaimVisits
{
    /// <summary>A NumericDate, as whole seconds since the epoch (as it is written).</summary>
    public static void NumericDate(IJwtClaimVisitor visitor, string name, DateTimeOffset value) =>
        visitor.VisitInteger(name, value.ToUnixTimeSeconds());

    /// <summary>A <see cref="Guid"/>, in its <c>D</c> format (as it is written).</summary>
    public static void Guid(IJwtClaimVisitor visitor, string name, Guid value) =>
        visitor.VisitString(name, value.ToString("D", CultureInfo.InvariantCulture));

    /// <summary>A calendar date as <c>yyyy-MM-dd</c>.</summary>
    public static void Date(IJwtClaimVisitor visitor, string name, DateOnly value) =>
        visitor.VisitString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A URI as its original string.</summary>
    public static void Uri(IJwtClaimVisitor visitor, string name, Uri value) =>
        visitor.VisitString(name, value.OriginalString);

    /// <summary>Each audience in turn (<c>aud</c> is a string or an array of strings).</summary>
    public static void Audience(IJwtClaimVisitor visitor, string name, JwtAudience value)
    {
        foreach (string audience in value)
        {
            visitor.VisitString(name, audience);
        }
    }

    /// <summary>A scope list as its one space-separated string (RFC 8693 §4.2), as it is written.</summary>
    public static void Scope(IJwtClaimVisitor visitor, string name, JwtScope value) =>
        visitor.VisitString(name, value.ToString());
}
