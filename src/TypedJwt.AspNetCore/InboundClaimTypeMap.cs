using System.Collections.Frozen;
using System.Collections.Generic;
using System.Security.Claims;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The claim types a TypedJwt bearer scheme projects JWT claim names to when
/// <see cref="TypedJwtBearerOptions.MapInboundClaims"/> is on: the registered and OpenID Connect names that ASP.NET Core
/// Identity and <c>AddJwtBearer</c>'s default mapping give a <see cref="ClaimTypes"/> URI. Names not in the map stay as
/// they are.
/// </summary>
public static class InboundClaimTypeMap
{
    /// <summary>
    /// <c>sub</c> and <c>nameid</c> → <see cref="ClaimTypes.NameIdentifier"/>; <c>unique_name</c> → <see cref="ClaimTypes.Name"/>;
    /// <c>role</c> and <c>roles</c> → <see cref="ClaimTypes.Role"/>; <c>email</c> → <see cref="ClaimTypes.Email"/>;
    /// <c>given_name</c> → <see cref="ClaimTypes.GivenName"/>; <c>family_name</c> → <see cref="ClaimTypes.Surname"/>;
    /// <c>birthdate</c> → <see cref="ClaimTypes.DateOfBirth"/>; <c>gender</c> → <see cref="ClaimTypes.Gender"/>;
    /// <c>website</c> → <see cref="ClaimTypes.Webpage"/>; <c>upn</c> → <see cref="ClaimTypes.Upn"/>;
    /// <c>amr</c> → <see cref="ClaimTypes.AuthenticationMethod"/>; <c>auth_time</c> → <see cref="ClaimTypes.AuthenticationInstant"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Default { get; } = new Dictionary<string, string>
    {
        ["sub"] = ClaimTypes.NameIdentifier,
        ["nameid"] = ClaimTypes.NameIdentifier,
        ["unique_name"] = ClaimTypes.Name,
        ["role"] = ClaimTypes.Role,
        ["roles"] = ClaimTypes.Role,
        ["email"] = ClaimTypes.Email,
        ["given_name"] = ClaimTypes.GivenName,
        ["family_name"] = ClaimTypes.Surname,
        ["birthdate"] = ClaimTypes.DateOfBirth,
        ["gender"] = ClaimTypes.Gender,
        ["website"] = ClaimTypes.Webpage,
        ["upn"] = ClaimTypes.Upn,
        ["amr"] = ClaimTypes.AuthenticationMethod,
        ["auth_time"] = ClaimTypes.AuthenticationInstant,
    }.ToFrozenDictionary(System.StringComparer.Ordinal);

    /// <summary>The claim type <paramref name="name"/> is projected as under <paramref name="map"/>: its entry, or the name itself.</summary>
    internal static string Apply(IReadOnlyDictionary<string, string>? map, string name)
        => map is not null && map.TryGetValue(name, out string? mapped) ? mapped : name;
}
