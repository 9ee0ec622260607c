namespace TypedJwt;

/// <summary>How a member name becomes a claim name when the member has no <see cref="JwtClaimAttribute"/>.</summary>
public enum JwtNamingPolicy
{
    /// <summary><c>TenantId</c> becomes <c>tenant_id</c> (the style of the registered JWT and OIDC claims). The default.</summary>
    SnakeCaseLower = 0,

    /// <summary><c>TenantId</c> becomes <c>tenantId</c>.</summary>
    CamelCase = 1,

    /// <summary>The member name is used as it is.</summary>
    AsDeclared = 2,
}
