using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// The registered claims (RFC 7519 §4.1, RFC 8693 §4.2) whose JSON type is fixed by the RFC; declaring them with another
/// .NET type would read some valid tokens wrongly (a plain string <c>aud</c> rejects the array form).
/// </summary>
internal static class RegisteredClaims
{
    public static bool TryGetExpected(string claimName, out string? expected)
    {
        expected = claimName switch
        {
            "iss" or "sub" => "string",
            "jti" => "string or Guid",
            "aud" => "JwtAudience",
            "exp" or "nbf" or "iat" => "DateTimeOffset",
            "scope" => "JwtScope",
            _ => null,
        };
        return expected is not null;
    }

    public static bool HasExpectedType(string claimName, ClaimKind kind, CollectionKind collection)
    {
        if (collection != CollectionKind.None)
        {
            return false;
        }

        return claimName switch
        {
            "iss" or "sub" => kind == ClaimKind.String,
            "jti" => kind is ClaimKind.String or ClaimKind.Guid,
            "aud" => kind == ClaimKind.Audience,
            "exp" or "nbf" or "iat" => kind == ClaimKind.NumericDate,
            "scope" => kind == ClaimKind.Scope,
            _ => true,
        };
    }
}
