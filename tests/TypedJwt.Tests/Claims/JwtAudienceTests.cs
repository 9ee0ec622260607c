using System.Collections.Immutable;

namespace TypedJwt.Tests.Claims;

public class JwtAudienceTests
{
    [Fact]
    public void Single_and_array_forms_expose_the_same_list()
    {
        JwtAudience single = "api";
        var array = new JwtAudience("api", "web");
        var immutable = new JwtAudience(ImmutableArray.Create("api"));

        Assert.False(single.IsArray);
        Assert.True(array.IsArray);
        Assert.Single(single);
        Assert.Equal("api", single[0]);
        Assert.Equal(["api", "web"], array);
        Assert.True(array.Contains("web"));
        Assert.False(array.Contains("WEB"));
        Assert.Throws<ArgumentOutOfRangeException>(() => single[1]);
        Assert.Equal("api, web", array.ToString());
        Assert.Equal(single, immutable);
        Assert.Equal(single.GetHashCode(), immutable.GetHashCode());
        Assert.NotEqual(single, array);
        Assert.Empty(default(JwtAudience));
    }

    [Fact]
    public void The_params_array_is_copied()
    {
        string[] values = ["a", "b"];
        var audience = new JwtAudience(values);
        values[0] = "changed";
        Assert.Equal("a", audience[0]);
        Assert.Throws<ArgumentNullException>(() => new JwtAudience((string)null!));
    }
}
