using TypedJwt.Generators.Naming;

namespace TypedJwt.Generators.Tests;

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
        Assert.Equal(claim, ClaimNaming.Apply(ClaimNaming.SnakeCaseLower, member));
    }

    [Theory]
    [InlineData("TenantId", "tenantId")]
    [InlineData("URLPath", "urlPath")]
    [InlineData("ID", "id")]
    public void Camel_case_lowers_the_leading_word(string member, string claim)
    {
        Assert.Equal(claim, ClaimNaming.Apply(ClaimNaming.CamelCase, member));
    }

    [Fact]
    public void As_declared_keeps_the_member_name()
    {
        Assert.Equal("TenantId", ClaimNaming.Apply(ClaimNaming.AsDeclared, "TenantId"));
    }
}
