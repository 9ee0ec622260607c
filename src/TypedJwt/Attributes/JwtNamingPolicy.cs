// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>
/// How a member name becomes a claim name when the member has no <see cref="JwtClaimAttribute"/>. A type chooses one with
/// <see cref="JwtPayloadAttribute.NamingPolicy"/> or <see cref="JwtHeaderAttribute.NamingPolicy"/>; a type that sets none
/// uses the project's default, the MSBuild property <c>TypedJwtNamingPolicy</c> (one of these member names, in any case),
/// and <see cref="SnakeCaseLower"/> when that property is absent or empty. An invalid value is diagnostic TJ0017.
/// </summary>
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
enum JwtNamingPolicy
{
    /// <summary>
    /// <c>TenantId</c> becomes <c>tenant_id</c> (the style of the registered JWT and OIDC claims). The default when neither
    /// the type's attribute nor <c>TypedJwtNamingPolicy</c> sets a policy.
    /// </summary>
    SnakeCaseLower = 0,

    /// <summary><c>TenantId</c> becomes <c>tenantId</c>.</summary>
    CamelCase = 1,

    /// <summary>The member name is used as it is.</summary>
    AsDeclared = 2,
}
