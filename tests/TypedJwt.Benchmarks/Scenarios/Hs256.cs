using BenchmarkDotNet.Attributes;
using TypedJwt.Benchmarks.Peers;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>HS256: every peer, plus Jwt.Net, plus the second HMAC floor with keyed state reused between calls.</summary>
public class Hs256 : JwsScenario
{
    private JwtNetPeer _jwtNet = null!;

    private protected override JwsAlgorithm Algorithm => JwsAlgorithm.HS256;

    public override void Setup()
    {
        base.Setup();
        _jwtNet = new JwtNetPeer(Keys, Claims);
        Agree(_jwtNet.Validate, _jwtNet.Create);
    }

    [Benchmark(Description = "Jwt.Net"), BenchmarkCategory(Create)]
    public string Create_JwtNet() => _jwtNet.Create();

    [Benchmark(Description = "floor, HMAC state reused"), BenchmarkCategory(Create)]
    public int Create_FloorReusedHmac() => Floor.Create(reuseHmac: true);

    [Benchmark(Description = "Jwt.Net"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_JwtNet() => _jwtNet.Validate(Token);

    [Benchmark(Description = "floor, HMAC state reused"), BenchmarkCategory(Validate)]
    public bool Validate_FloorReusedHmac() => Floor.Validate(reuseHmac: true);
}
