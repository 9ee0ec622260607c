using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TypedJwt.Benchmarks.Floor;
using TypedJwt.Benchmarks.Harness;
using TypedJwt.Benchmarks.Peers;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>
/// One algorithm's scenario: create + sign, and validate (signature, <c>exp</c>/<c>nbf</c>, <c>iss</c>, <c>aud</c>) + read
/// <c>sub</c>/<c>roles</c>, done by every library, by TypedJwt, and by the floor. Methods are named
/// <c>{Create|Validate}_{who}</c>; the ratio columns find their reference by that name within the same category.
/// Every library validates the same token (the one TypedJwt makes), and setup checks that each library accepts it and
/// reads the same claims, so a broken peer fails the run instead of timing an exception.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScenarioConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class JwsScenario
{
    internal const string Create = "create";
    internal const string Validate = "validate";

    private protected TokenClaims Claims = null!;
    private protected ScenarioKeys Keys = null!;
    private protected SignatureFloor Floor = null!;
    private protected string Token = null!;
    private protected byte[] TokenBytes = null!;
    private IdentityModelPeer _identityModel = null!;
    private SystemJwtPeer _systemJwt = null!;
    private JoseJwtPeer _jose = null!;
    private TypedJwtSubject _typedJwt = null!;

    private protected abstract JwsAlgorithm Algorithm { get; }

    [GlobalSetup]
    public virtual void Setup()
    {
        Claims = new TokenClaims();
        Keys = new ScenarioKeys(Algorithm);
        _identityModel = new IdentityModelPeer(Keys, Claims);
        _systemJwt = new SystemJwtPeer(Keys, Claims);
        _jose = new JoseJwtPeer(Keys, Claims);
        _typedJwt = new TypedJwtSubject(Keys, Claims);
        Token = _typedJwt.Create();
        TokenBytes = TypedJwtSubject.Ascii(Token);
        Floor = new SignatureFloor(Keys, Token);

        Agree(_identityModel.Validate, _identityModel.Create);
        Agree(_systemJwt.Validate, _systemJwt.Create);
        Agree(_jose.Validate, _jose.Create);
        Agree(_typedJwt.Validate, _typedJwt.Create);
        Require(_typedJwt.ValidateWithoutMaterializing(TokenBytes).IsNone, "TypedJwt Validate refused the token");
        Agree(_typedJwt.ValidateCached, _typedJwt.Create);
        for (int i = 0; i < 4; i++)
        {
            _typedJwt.ValidateCached(Token);
            _typedJwt.ValidateFirstSight();
        }

        (VerifiedTokenCacheStatistics cached, VerifiedTokenCacheStatistics forgetful) = _typedJwt.CacheStatistics;
        Require(cached.Hits >= 4, $"the cached validator does not hit: {cached}");
        Require(forgetful.Hits == 0 && forgetful.Misses == 4 && forgetful.Entries == 1, $"the first-sight validator hits: {forgetful}");
        Require(Floor.Validate(reuseHmac: false) && Floor.Validate(reuseHmac: true), "the floor refused the token");
        Require(Floor.VerifyPrimitive(reuseHmac: false), "the primitive refused the signature");
        Require(Floor.Create(reuseHmac: false) == Token.Length, "the floor made a token of another length");
    }

    [Benchmark(Description = "IdentityModel"), BenchmarkCategory(Create)]
    public string Create_IdentityModel() => _identityModel.Create();

    [Benchmark(Description = "System.IdentityModel.Tokens.Jwt"), BenchmarkCategory(Create)]
    public string Create_SystemJwt() => _systemJwt.Create();

    [Benchmark(Description = "jose-jwt"), BenchmarkCategory(Create)]
    public string Create_JoseJwt() => _jose.Create();

    [Benchmark(Description = "TypedJwt string"), BenchmarkCategory(Create)]
    public string Create_TypedJwt() => _typedJwt.Create();

    [Benchmark(Description = "TypedJwt into span"), BenchmarkCategory(Create)]
    public int Create_TypedJwtSpan() => _typedJwt.CreateIntoSpan();

    [Benchmark(Description = "floor: base64url + sign"), BenchmarkCategory(Create)]
    public int Create_Floor() => Floor.Create(reuseHmac: false);

    [Benchmark(Description = "primitive: sign only"), BenchmarkCategory(Create)]
    public int Create_Primitive() => Floor.SignPrimitive(reuseHmac: false);

    [Benchmark(Description = "IdentityModel"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_IdentityModel() => _identityModel.Validate(Token);

    [Benchmark(Description = "System.IdentityModel.Tokens.Jwt"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_SystemJwt() => _systemJwt.Validate(Token);

    [Benchmark(Description = "jose-jwt"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_JoseJwt() => _jose.Validate(Token);

    [Benchmark(Description = "TypedJwt typed read"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_TypedJwt() => _typedJwt.Validate(Token);

    [Benchmark(Description = "TypedJwt typed read, token seen before (cache hit)"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_TypedJwtCacheHit() => _typedJwt.ValidateCached(Token);

    [Benchmark(Description = "TypedJwt typed read, first sight (cache miss)"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_TypedJwtCacheMiss() => _typedJwt.ValidateFirstSight();

    [Benchmark(Description = "TypedJwt bytes, no read"), BenchmarkCategory(Validate)]
    public JwtError Validate_TypedJwtNoRead() => _typedJwt.ValidateWithoutMaterializing(TokenBytes);

    [Benchmark(Description = "floor: base64url + verify"), BenchmarkCategory(Validate)]
    public bool Validate_Floor() => Floor.Validate(reuseHmac: false);

    [Benchmark(Description = "primitive: verify only"), BenchmarkCategory(Validate)]
    public bool Validate_Primitive() => Floor.VerifyPrimitive(reuseHmac: false);

    /// <summary>
    /// A library must accept TypedJwt's token and its own, and read the same <c>sub</c> and three roles from both; TypedJwt
    /// must accept the library's token too. Only the claims must agree: header member order and JSON spelling differ.
    /// </summary>
    private protected void Agree(Func<string, ReadClaims> validate, Func<string> create)
    {
        string own = create();
        foreach (ReadClaims read in new[] { validate(Token), validate(own), _typedJwt.Validate(own) })
        {
            Require(read.Subject == TokenClaims.Subject && read.RoleCount == TokenClaims.Roles.Length, $"read {read} from {own}");
        }
    }

    private protected static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup check failed: {what}.");
        }
    }
}
