namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>ES256 (P-256): every peer but Jwt.Net, which has no ES* algorithm in 7.3.1.</summary>
public class Es256 : JwsScenario
{
    private protected override JwsAlgorithm Algorithm => JwsAlgorithm.ES256;
}
