using System.Text;
using System.Text.Json;

namespace TypedJwt.Tests.Generated;

/// <summary>
/// The generator hands a declared claim to <see cref="JwtRegisteredClaims"/> when <see cref="GovernedClaims"/> names it (the
/// generator compiles that file); the validator recognises an undeclared one with <c>RegisteredClaimsValidator.GovernedName</c>.
/// A claim one side knows and the other does not would escape the one-pass read, so the two must name the same claims.
/// </summary>
public class GovernedClaimsTests
{
    // Every name a token may carry that TypedJwt knows of (RFC 7519 §4.1, RFC 7515 §4.1) and a few it does not.
    private static readonly string[] Candidates =
        ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "alg", "typ", "kid", "cty", "crit", "roles", "tenant_id", "EXP", "exp "];

    [Fact]
    public void The_validator_recognises_exactly_the_shared_list()
    {
        string[] recognised = Candidates.Where(name => GovernedName(name) is not null).ToArray();

        Assert.Equal(GovernedClaims.Names.Order(), recognised.Order());
        Assert.All(GovernedClaims.Names, name => Assert.Equal(name, GovernedName(name)));
    }

    private static string? GovernedName(string name)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"{{\"{name}\":0}}"));
        reader.Read();
        reader.Read();
        return RegisteredClaimsValidator.GovernedName(in reader);
    }
}
