using TypedJwt;

namespace Sample;

[JwtHeader]
public sealed partial record CustomHeader([property: JwtClaim("x5t#S256")] string Thumbprint, string? TenantHint = null);
