namespace TypedJwt;

/// <summary>
/// Receives the claims of a payload one value at a time, from the typed object, with no JSON in between: what
/// <see cref="IJwtPayload{TSelf}.VisitClaims"/> hands out is what <see cref="IJwtClaimSet{TSelf}.WriteJson"/> would write.
/// An array claim is visited once per element, under the claim's name; a claim that would not be written (a null value,
/// an absent optional) is not visited. TypedJwt.AspNetCore builds the <c>ClaimsPrincipal</c> of a request with it.
/// </summary>
public interface IJwtClaimVisitor
{
    /// <summary>A string value: strings, and what a token carries as one (a <c>Guid</c>, a date, a URI, an enum member's claim value, a scope list, one audience).</summary>
    void VisitString(string name, string value);

    /// <summary>An integer value: <c>int</c>, <c>long</c>, and NumericDates as whole seconds since the epoch.</summary>
    void VisitInteger(string name, long value);

    /// <summary>A <c>double</c> value.</summary>
    void VisitNumber(string name, double value);

    /// <summary>A <c>decimal</c> value.</summary>
    void VisitNumber(string name, decimal value);

    /// <summary>A boolean value.</summary>
    void VisitBoolean(string name, bool value);

    /// <summary>A nested claims object (a <see cref="JwtPayloadAttribute"/> type used as a claim); its JSON is <c>value.WriteJson</c>.</summary>
    void VisitObject<TClaims>(string name, TClaims value)
        where TClaims : IJwtClaimSet<TClaims>;
}
