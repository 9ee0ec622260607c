namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>PS256 (RSA-2048, PSS): every peer but Jwt.Net, which has no PS* algorithm in 7.3.1.</summary>
public class Ps256 : JwsScenario
{
    private protected override JwsAlgorithm Algorithm => JwsAlgorithm.PS256;
}
