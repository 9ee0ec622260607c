using System.Text;

namespace TypedJwt.Generators.Naming;

/// <summary>
/// Turns a member name into a claim name under the type's <see cref="JwtNamingPolicy"/>.
/// snake_case follows the registered JWT and OIDC claims: <c>TenantId</c> → <c>tenant_id</c>, <c>HTTPStatus</c> → <c>http_status</c>,
/// <c>Address2</c> → <c>address2</c>.
/// </summary>
internal static class ClaimNaming
{
    // A value the enum does not declare (a cast written in the attribute) names claims as the default policy does.
    public static string Apply(JwtNamingPolicy policy, string memberName) => policy switch
    {
        JwtNamingPolicy.CamelCase => ToCamelCase(memberName),
        JwtNamingPolicy.AsDeclared => memberName,
        _ => ToSnakeCaseLower(memberName),
    };

    public static string ToSnakeCaseLower(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                // A word starts at an upper-case letter after a lower-case letter or digit, or at the last capital of an
                // acronym that is followed by a lower-case letter (the S of HTTPStatus).
                bool afterWord = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterWord || endsAcronym) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        // Lower the leading capitals (an acronym such as URL in URLPath), but keep the capital that starts the next word.
        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            if (i > 0 && i + 1 < chars.Length && !char.IsUpper(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
