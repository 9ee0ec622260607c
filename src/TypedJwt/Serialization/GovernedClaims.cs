// The generator compiles this file too (see TypedJwt.Generators.csproj): a payload's generated reader hands exactly these
// claims, when it declares them, to JwtRegisteredClaims one by one, so both sides must name the same claims.
namespace TypedJwt;

/// <summary>
/// The registered claims a validation policy governs (RFC 7519 §4.1): <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>,
/// <c>aud</c>. The validator judges them; the generated reader passes each one it meets to <see cref="JwtRegisteredClaims"/>,
/// declared or not, so that validating and reading a token is one pass. <c>RegisteredClaimsValidator.GovernedName</c>
/// matches these names, as UTF-8.
/// </summary>
internal static class GovernedClaims
{
    /// <summary>In the order the validator checks them after the structure: <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>, <c>aud</c>.</summary>
    internal static readonly string[] Names = ["exp", "nbf", "iat", "iss", "aud"];

    internal static bool Contains(string claimName) => System.Array.IndexOf(Names, claimName) >= 0;
}
