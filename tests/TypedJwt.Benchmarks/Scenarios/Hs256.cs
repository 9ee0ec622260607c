using BenchmarkDotNet.Attributes;
using TypedJwt.Benchmarks.Floor;
using TypedJwt.Benchmarks.Peers;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>
/// HS256: every peer, plus Jwt.Net, plus the second HMAC floor with keyed state reused between calls, plus that floor with
/// the least JSON work System.Text.Json allows (<c>FloorJson</c>: writing the nine claims by hand with a reused
/// <c>Utf8JsonWriter</c>; reading every token of the payload with <c>Utf8JsonReader</c>), against which TypedJwt's own JSON
/// work is measured; the floor that builds the typed claims without any JSON work (<see cref="ClaimsGraphFloor"/>); and the
/// reused HMAC state over no input, the fixed cost of every MAC.
/// </summary>
public class Hs256 : JwsScenario
{
    private JwtNetPeer _jwtNet = null!;
    private JsonWriterFloor _jsonWriterFloor = null!;
    private ClaimsGraphFloor _claimsGraphFloor = null!;

    private protected override JwsAlgorithm Algorithm => JwsAlgorithm.HS256;

    public override void Setup()
    {
        base.Setup();
        _jwtNet = new JwtNetPeer(Keys, Claims);
        Agree(_jwtNet.Validate, _jwtNet.Create);
        Require(Floor.ValidateAndTokenize() > 0, "the floor refused the token or found no JSON in it");
        _jsonWriterFloor = new JsonWriterFloor(Keys, Claims, Token);
        Require(_jsonWriterFloor.Create() == Token.Length, "the Utf8JsonWriter floor made a token of another length");
        _claimsGraphFloor = new ClaimsGraphFloor(Floor, Floor.PayloadJson);
        ReadClaims built = _claimsGraphFloor.Validate();
        Require(built.Subject == TokenClaims.Subject && built.RoleCount == TokenClaims.Roles.Length, $"the claims floor built {built}");
        Require(Floor.HmacOfNoInput() == 32, "the HMAC of no input is not 32 bytes");
    }

    [Benchmark(Description = "Jwt.Net"), BenchmarkCategory(Create)]
    public string Create_JwtNet() => _jwtNet.Create();

    [Benchmark(Description = "floor, HMAC state reused"), BenchmarkCategory(Create)]
    public int Create_FloorReusedHmac() => Floor.Create(reuseHmac: true);

    [Benchmark(Description = "floor, HMAC reused + JSON written"), BenchmarkCategory(Create)]
    public int Create_FloorJson() => _jsonWriterFloor.Create();

    [Benchmark(Description = "Jwt.Net"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_JwtNet() => _jwtNet.Validate(Token);

    [Benchmark(Description = "floor, HMAC state reused"), BenchmarkCategory(Validate)]
    public bool Validate_FloorReusedHmac() => Floor.Validate(reuseHmac: true);

    [Benchmark(Description = "floor, HMAC reused + JSON read"), BenchmarkCategory(Validate)]
    public int Validate_FloorJson() => Floor.ValidateAndTokenize();

    [Benchmark(Description = "floor, HMAC reused + claims built, no JSON"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_FloorClaimsGraph() => _claimsGraphFloor.Validate();

    [Benchmark(Description = "primitive: reused HMAC of no input"), BenchmarkCategory(Validate)]
    public int Validate_HmacOfNoInput() => Floor.HmacOfNoInput();
}
