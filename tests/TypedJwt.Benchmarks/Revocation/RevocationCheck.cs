using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Revocation;

/// <summary>
/// What the revocation hook adds to a request's validation: an HS256 access token validated as the bearer handler does
/// (verified-token cache on, so a hit), then, in the hooked rows, the hook's work with the in-memory store: the
/// registered claims read through <c>VisitClaims</c> (<see cref="JwtRevocationClaims.From{TPayload}"/>) and the store asked
/// by <c>iss</c> + <c>jti</c> and <c>sub</c>, against an empty store and one holding 10,000 revoked tokens and 1,000
/// revoked subjects. Methods are <c>Validate_{who}</c>; <c>Validate_NoHook</c> is the reference.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RevocationCheck
{
    private const string Category = "validate";
    private JwtValidator<AccessToken> _validator = null!;
    private InMemoryJwtRevocationStore _empty = null!;
    private InMemoryJwtRevocationStore _full = null!;
    private string _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        var claims = new TokenClaims();
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, RandomNumberGenerator.GetBytes(32), "k1");
        _token = JwsWriter.Write(claims.ToTyped(), key);
        _validator = new JwtValidator<AccessToken>(new JwtKeySet(key), JwtValidationPolicy.For(TokenClaims.Issuer, TokenClaims.Audience), new VerifiedTokenCacheOptions());
        _empty = new InMemoryJwtRevocationStore();
        _full = new InMemoryJwtRevocationStore();
        DateTimeOffset keepUntil = claims.ExpiresAt.AddMinutes(1);
        for (int i = 0; i < 10_000; i++)
        {
            _full.RevokeTokenAsync(TokenClaims.Issuer, Guid.NewGuid().ToString("D"), keepUntil, default).AsTask().GetAwaiter().GetResult();
        }

        for (int i = 0; i < 1_000; i++)
        {
            _full.RevokeSubjectAsync(TokenClaims.Issuer, "subject-" + i, DateTimeOffset.UtcNow, keepUntil, default).AsTask().GetAwaiter().GetResult();
        }

        if (Validate_NoHook() != 1 || Validate_InMemoryStore() != 1 || Validate_InMemoryStore10k() != 1)
        {
            throw new InvalidOperationException("a benchmark refused the token");
        }
    }

    [Benchmark(Description = "validate (cache hit), no hook"), BenchmarkCategory(Category)]
    public int Validate_NoHook() => _validator.TryValidate(_token, out AccessToken? payload, out _) ? payload.Subject.Length > 0 ? 1 : 0 : -1;

    [Benchmark(Description = "validate + in-memory check, empty store"), BenchmarkCategory(Category)]
    public int Validate_InMemoryStore() => Check(_empty);

    [Benchmark(Description = "validate + in-memory check, 11,000 entries"), BenchmarkCategory(Category)]
    public int Validate_InMemoryStore10k() => Check(_full);

    private int Check(InMemoryJwtRevocationStore store)
    {
        if (!_validator.TryValidate(_token, out AccessToken? payload, out _))
        {
            return -1;
        }

        ValueTask<bool> revoked = store.IsRevokedAsync(JwtRevocationClaims.From(payload), CancellationToken.None);
        return revoked.IsCompletedSuccessfully && !revoked.Result ? 1 : 0;
    }
}
