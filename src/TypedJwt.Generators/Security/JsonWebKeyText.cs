using System.Text.RegularExpressions;

namespace TypedJwt.Generators.Security;

/// <summary>
/// Reads what matters about a JWK (or JWK Set) written in the source without parsing it: whether it holds private members (a
/// public key in the source is fine, it verifies only; a private or symmetric one is a leaked secret), and whether it is an
/// RSA, EC or OKP key, whose public half anyone may hold. The private members are those of RFC 7518 §6.2.2, §6.3.2 and
/// §6.4.1; the key types those of RFC 7518 §6.1 and RFC 8037 §2.
/// </summary>
internal static class JsonWebKeyText
{
    private static readonly Regex PrivateMember = new(@"""(d|p|q|dp|dq|qi|oth|k)""\s*:", RegexOptions.CultureInvariant);

    private static readonly Regex AsymmetricKeyType = new(@"""kty""\s*:\s*""(RSA|EC|OKP)""", RegexOptions.CultureInvariant);

    public static bool HasPrivateMembers(string json) => PrivateMember.IsMatch(json);

    /// <summary>True when the text holds at least one key of <c>kty</c> <c>RSA</c>, <c>EC</c> or <c>OKP</c>.</summary>
    public static bool HasAsymmetricKey(string json) => AsymmetricKeyType.IsMatch(json);
}
