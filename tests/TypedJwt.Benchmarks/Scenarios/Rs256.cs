using BenchmarkDotNet.Attributes;
using TypedJwt.Benchmarks.Peers;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>RS256 (RSA-2048, PKCS#1 v1.5): every peer, Jwt.Net included.</summary>
public class Rs256 : JwsScenario
{
    private JwtNetPeer _jwtNet = null!;

    private protected override JwsAlgorithm Algorithm => JwsAlgorithm.RS256;

    public override void Setup()
    {
        base.Setup();
        _jwtNet = new JwtNetPeer(Keys, Claims);
        Agree(_jwtNet.Validate, _jwtNet.Create);
    }

    [Benchmark(Description = "Jwt.Net"), BenchmarkCategory(Create)]
    public string Create_JwtNet() => _jwtNet.Create();

    [Benchmark(Description = "Jwt.Net"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_JwtNet() => _jwtNet.Validate(Token);
}
