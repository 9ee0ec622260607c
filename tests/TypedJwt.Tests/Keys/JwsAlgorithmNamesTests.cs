namespace TypedJwt.Tests.Keys;

public class JwsAlgorithmNamesTests
{
    [Fact]
    public void Every_algorithm_round_trips_through_its_name()
    {
        foreach (JwsAlgorithm algorithm in Enum.GetValues<JwsAlgorithm>())
        {
            string name = JwsAlgorithmNames.GetName(algorithm);
            Assert.Equal(algorithm.ToString(), name);
            Assert.Equal(name, System.Text.Encoding.ASCII.GetString(JwsAlgorithmNames.GetUtf8Name(algorithm)));
            Assert.True(JwsAlgorithmNames.TryParse(JwsAlgorithmNames.GetUtf8Name(algorithm), out JwsAlgorithm parsed));
            Assert.Equal(algorithm, parsed);
        }
    }

    [Theory]
    [InlineData("none")]
    [InlineData("hs256")]
    [InlineData("Hs256")]
    [InlineData("HS256 ")]
    [InlineData("HS25")]
    [InlineData("HS257")]
    [InlineData("ES521")]
    [InlineData("EdDSA")]
    [InlineData("RSA1_5")]
    [InlineData("")]
    public void Anything_else_is_not_an_algorithm(string name)
    {
        Assert.False(JwsAlgorithmNames.TryParse(System.Text.Encoding.UTF8.GetBytes(name), out _));
    }

    [Fact]
    public void Undefined_values_have_no_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JwsAlgorithmNames.GetName(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => JwsAlgorithmNames.GetUtf8Name((JwsAlgorithm)13).Length);
    }
}
