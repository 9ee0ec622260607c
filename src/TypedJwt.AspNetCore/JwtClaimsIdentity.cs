using System.Collections.Generic;
using System.Security.Claims;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The identity a TypedJwt bearer scheme signs a request in with: the claims projected from the validated payload for the
/// claims-based APIs (<c>IsInRole</c>, <c>[Authorize(Roles = ...)]</c>, <c>Identity.Name</c>), plus the typed payload itself.
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type the token was validated as.</typeparam>
public sealed class JwtClaimsIdentity<TPayload> : ClaimsIdentity
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>Creates the identity.</summary>
    /// <param name="payload">The validated, typed claims.</param>
    /// <param name="claims">The claims projected from the payload.</param>
    /// <param name="authenticationType">The scheme name.</param>
    /// <param name="nameType">The claim type of <see cref="ClaimsIdentity.Name"/>.</param>
    /// <param name="roleType">The claim type of roles.</param>
    public JwtClaimsIdentity(TPayload payload, IEnumerable<Claim> claims, string authenticationType, string nameType, string roleType)
        : base(claims, authenticationType, nameType, roleType)
    {
        Payload = payload;
    }

    private JwtClaimsIdentity(JwtClaimsIdentity<TPayload> other)
        : base(other)
    {
        Payload = other.Payload;
    }

    /// <summary>The validated, typed claims.</summary>
    public TPayload Payload { get; }

    /// <inheritdoc/>
    public override ClaimsIdentity Clone() => new JwtClaimsIdentity<TPayload>(this);
}
