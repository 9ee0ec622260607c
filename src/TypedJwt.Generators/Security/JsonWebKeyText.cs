using System.Text.RegularExpressions;

namespace TypedJwt.Generators.Security;

/// <summary>
/// Tells a hard-coded private JWK (or JWK Set) from a public one: a public key in the source is fine (it verifies only),
/// a private or symmetric one is a leaked secret. The private members are those of RFC 7518 §6.2.2, §6.3.2 and §6.4.1.
/// </summary>
internal static class JsonWebKeyText
{
    private static readonly Regex PrivateMember = new(@"""(d|p|q|dp|dq|qi|oth|k)""\s*:", RegexOptions.CultureInvariant);

    public static bool HasPrivateMembers(string json) => PrivateMember.IsMatch(json);
}
