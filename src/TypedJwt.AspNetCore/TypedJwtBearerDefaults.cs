namespace TypedJwt.AspNetCore;

/// <summary>Default names used by the TypedJwt bearer handler.</summary>
public static class TypedJwtBearerDefaults
{
    /// <summary>The default authentication scheme name, <c>Bearer</c> (the HTTP authentication scheme of RFC 6750).</summary>
    public const string AuthenticationScheme = "Bearer";

    /// <summary>The default path of the JWKS endpoint mapped by <c>MapJwks</c>.</summary>
    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>The claim type that becomes <see cref="System.Security.Claims.ClaimsIdentity.Name"/>: <c>sub</c>.</summary>
    public const string NameClaimType = "sub";

    /// <summary>The claim type that <c>IsInRole</c> and <c>[Authorize(Roles = ...)]</c> read: <c>roles</c> (RFC 9068 §7.2.1.1 / RFC 7643).</summary>
    public const string RoleClaimType = "roles";

    /// <summary>
    /// The name of the <see cref="System.Net.Http.HttpClient"/> (<c>IHttpClientFactory</c>) that fetches identity providers'
    /// discovery documents and keys: <c>TypedJwt.Metadata</c>. Configure it to add a proxy, a handler or, in tests, an
    /// in-memory provider.
    /// </summary>
    public const string MetadataHttpClientName = "TypedJwt.Metadata";
}
