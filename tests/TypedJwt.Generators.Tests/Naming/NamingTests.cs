using TypedJwt.Generators.Naming;

namespace TypedJwt.Generators.Tests.Naming;

public class NamingTests
{
    [Theory]
    [InlineData("TenantId", "tenant_id")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("Address2", "address2")]
    [InlineData("Address2Line", "address2_line")]
    [InlineData("ID", "id")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Tenant_Id", "tenant_id")]
    public void Snake_case_lower_matches_the_registered_claim_style(string member, string claim)
    {
        Assert.Equal(claim, ClaimNaming.Apply(JwtNamingPolicy.SnakeCaseLower, member));
    }

    [Theory]
    [InlineData("TenantId", "tenantId")]
    [InlineData("URLPath", "urlPath")]
    [InlineData("ID", "id")]
    public void Camel_case_lowers_the_leading_word(string member, string claim)
    {
        Assert.Equal(claim, ClaimNaming.Apply(JwtNamingPolicy.CamelCase, member));
    }

    [Fact]
    public void As_declared_keeps_the_member_name()
    {
        Assert.Equal("TenantId", ClaimNaming.Apply(JwtNamingPolicy.AsDeclared, "TenantId"));
    }

    [Fact]
    public void The_option_accepts_every_JwtNamingPolicy_member_name_in_any_case_and_maps_it_to_the_member_value()
    {
        foreach (JwtNamingPolicy policy in Enum.GetValues<JwtNamingPolicy>())
        {
            string name = policy.ToString();
            foreach (string spelling in new[] { name, name.ToLowerInvariant(), name.ToUpperInvariant(), " \t" + name + " " })
            {
                NamingPolicyOption option = NamingPolicyOption.Parse(spelling);
                Assert.Equal(policy, option.Policy);
                Assert.Null(option.InvalidValue);
            }

            Assert.Contains(name, NamingPolicyOption.AcceptedValues);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void An_absent_or_empty_option_is_snake_case_lower(string? value)
    {
        Assert.Equal(JwtNamingPolicy.SnakeCaseLower, NamingPolicyOption.Parse(value).Policy);
        Assert.Null(NamingPolicyOption.Parse(value).InvalidValue);
    }

    [Theory]
    [InlineData("camel_case")]
    [InlineData("1")]
    [InlineData("Camel Case")]
    public void An_invalid_option_keeps_the_value_as_given_and_falls_back_to_snake_case_lower(string value)
    {
        NamingPolicyOption option = NamingPolicyOption.Parse(value);
        Assert.Equal(JwtNamingPolicy.SnakeCaseLower, option.Policy);
        Assert.Equal(value, option.InvalidValue);
    }
}
