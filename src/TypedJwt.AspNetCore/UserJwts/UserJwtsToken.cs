using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// A token made by <c>dotnet user-jwts create</c> for local development: HS256, no <c>kid</c>, <c>typ: JWT</c>, issued by
/// <c>dotnet-user-jwts</c>, with the user name in <c>unique_name</c> and <c>sub</c>, roles in <c>role</c> (a string, or an
/// array when there are several) and scopes in <c>scope</c>. <c>AddUserJwts</c> turns it into the scheme's own payload type.
/// </summary>
[JwtPayload]
public sealed partial record UserJwtsToken
{
    /// <summary><c>iss</c>: <c>dotnet-user-jwts</c>, or what <c>--issuer</c> gave.</summary>
    [JwtClaim("iss")] public required string Issuer { get; init; }

    /// <summary><c>aud</c>: the audiences <c>--audience</c> gave (by default the project's launch URLs).</summary>
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }

    /// <summary><c>sub</c>: the user name (<c>--name</c>, by default the machine's user).</summary>
    [JwtClaim("sub")] public required string Subject { get; init; }

    /// <summary><c>unique_name</c>: the user name again.</summary>
    [JwtClaim("unique_name"), NotSensitive(Justification = "The development user name dotnet user-jwts writes; these tokens exist only on a developer's machine.")]
    public string? UniqueName { get; init; }

    /// <summary><c>jti</c>: a short random identifier.</summary>
    [JwtClaim("jti")] public string? TokenId { get; init; }

    /// <summary><c>role</c>: the roles <c>--role</c> gave; one role is a string, several an array (read alike).</summary>
    [JwtClaim("role")] public JwtAudience? Roles { get; init; }

    /// <summary><c>scope</c>: the scopes <c>--scope</c> gave.</summary>
    [JwtClaim("scope")] public JwtScope? Scope { get; init; }

    /// <summary><c>exp</c>.</summary>
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary><c>nbf</c>.</summary>
    [JwtClaim("nbf")] public DateTimeOffset? NotBefore { get; init; }

    /// <summary><c>iat</c>.</summary>
    [JwtClaim("iat")] public DateTimeOffset? IssuedAt { get; init; }
}
