using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The member names TypedJwt may quote in an error: the registered JWT claims (RFC 7519 §4.1) and the registered JOSE
/// header parameters (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7518 §4.6-4.8, RFC 7797). Any other name in a token is the
/// sender's text, which an error never echoes: it would reach logs and <c>WWW-Authenticate</c> headers (CWE-117).
/// </summary>
internal static class RegisteredNames
{
    private static readonly string[] Names =
    [
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti",
        "alg", "enc", "kid", "typ", "cty", "crit", "zip", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "b64",
        "epk", "apu", "apv", "iv", "tag", "p2s", "p2c",
    ];

    private static readonly byte[][] Utf8Names = System.Array.ConvertAll(Names, System.Text.Encoding.UTF8.GetBytes);

    /// <summary>The registered name the property name the reader is on spells (in any escaped spelling), or null.</summary>
    public static string? Of(in Utf8JsonReader reader)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (JwtJson.ValueTextEquals(in reader, Utf8Names[i]))
            {
                return Names[i];
            }
        }

        return null;
    }

    /// <summary>A duplicate of the property name the reader is on: named when it is a registered name, otherwise unnamed.</summary>
    public static JwtError DuplicateMember(in Utf8JsonReader reader) => JwtError.Create(JwtErrorCode.DuplicateMember, Of(in reader));
}
