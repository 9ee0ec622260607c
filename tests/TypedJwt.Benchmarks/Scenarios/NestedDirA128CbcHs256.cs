using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TypedJwt.Benchmarks.Harness;
using TypedJwt.Benchmarks.Peers;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>
/// Encrypted tokens: the same access token signed with HS256 and then encrypted with <c>dir</c> + <c>A128CBC-HS256</c>
/// (RFC 7519 §11.2 nested JWT), by IdentityModel and by TypedJwt, plus TypedJwt's encrypt-only JWE into a span. The
/// allocation column is the figure issue 4 asks for: what TypedJwt allocates beyond the BCL's AES and HMAC calls.
/// Setup checks that each library reads the other's token and the same claims.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScenarioConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NestedDirA128CbcHs256
{
    private const string Create = JwsScenario.Create;
    private const string Validate = JwsScenario.Validate;

    private readonly byte[] _destination = new byte[4096];
    private TokenClaims _claims = null!;
    private AccessToken _typed = null!;
    private JwtSigningKey _signingKey = null!;
    private JwtEncryptionKey _encryptionKey = null!;
    private NestedJwtValidator<AccessToken> _validator = null!;
    private JsonWebTokenHandler _handler = null!;
    private SecurityTokenDescriptor _descriptor = null!;
    private TokenValidationParameters _parameters = null!;
    private string _token = null!;
    private string _identityModelToken = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] macKey = RandomNumberGenerator.GetBytes(32);
        byte[] contentKey = RandomNumberGenerator.GetBytes(32);
        _claims = new TokenClaims();
        _typed = _claims.ToTyped();
        _signingKey = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, macKey, "mac");
        _encryptionKey = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, contentKey, "cek");
        _validator = new NestedJwtValidator<AccessToken>(_encryptionKey, new JwtKeySet(_signingKey), JwtValidationPolicy.For(TokenClaims.Issuer, TokenClaims.Audience));

        _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        _descriptor = new SecurityTokenDescriptor
        {
            Issuer = TokenClaims.Issuer,
            Audience = TokenClaims.Audience,
            Expires = _claims.ExpiresAt.UtcDateTime,
            NotBefore = _claims.NotBefore.UtcDateTime,
            IssuedAt = _claims.IssuedAt.UtcDateTime,
            TokenType = TokenClaims.TokenType,
            Claims = _claims.ToIdentityModelClaims(),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(macKey) { KeyId = "mac" }, "HS256"),
            EncryptingCredentials = new EncryptingCredentials(new SymmetricSecurityKey(contentKey) { KeyId = "cek" }, "dir", "A128CBC-HS256"),
        };
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = TokenClaims.Issuer,
            ValidAudience = TokenClaims.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(macKey) { KeyId = "mac" },
            TokenDecryptionKey = new SymmetricSecurityKey(contentKey) { KeyId = "cek" },
            ValidTypes = [TokenClaims.TokenType],
        };

        _token = Create_TypedJwt();
        _identityModelToken = Create_IdentityModel();
        foreach (ReadClaims read in new[] { Validate_IdentityModel(), ReadWithIdentityModel(_identityModelToken), Validate_TypedJwt(), ReadWithTypedJwt(_identityModelToken) })
        {
            if (read.Subject != TokenClaims.Subject || read.RoleCount != TokenClaims.Roles.Length)
            {
                throw new InvalidOperationException($"Benchmark setup check failed: read {read}.");
            }
        }
    }

    [Benchmark(Description = "IdentityModel"), BenchmarkCategory(Create)]
    public string Create_IdentityModel() => _handler.CreateToken(_descriptor);

    [Benchmark(Description = "TypedJwt string"), BenchmarkCategory(Create)]
    public string Create_TypedJwt() => JweWriter.WriteNested(_typed, _signingKey, _encryptionKey);

    [Benchmark(Description = "TypedJwt into span"), BenchmarkCategory(Create)]
    public int Create_TypedJwtSpan() =>
        JweWriter.TryWriteNested(_typed, _signingKey, _encryptionKey, _destination, out int written) ? written : throw new InvalidOperationException();

    [Benchmark(Description = "TypedJwt encrypt-only JWE into span"), BenchmarkCategory(Create)]
    public int Create_TypedJwtEncryptOnlySpan() =>
        JweWriter.TryWrite(_typed, _encryptionKey, _destination, out int written) ? written : throw new InvalidOperationException();

    [Benchmark(Description = "IdentityModel"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_IdentityModel() => ReadWithIdentityModel(_token);

    [Benchmark(Description = "TypedJwt typed read"), BenchmarkCategory(Validate)]
    public ReadClaims Validate_TypedJwt() => ReadWithTypedJwt(_token);

    private ReadClaims ReadWithIdentityModel(string token)
    {
        TokenValidationResult result = _handler.ValidateTokenAsync(token, _parameters).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            throw new InvalidOperationException("IdentityModel refused the token.", result.Exception);
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        JsonWebToken inner = jwt.InnerToken ?? jwt;
        inner.TryGetPayloadValue("roles", out string[]? roles);
        return new ReadClaims(inner.Subject, roles?.Length ?? 0);
    }

    private ReadClaims ReadWithTypedJwt(string token) =>
        _validator.TryValidate(token, out AccessToken? claims, out JwtError error)
            ? new ReadClaims(claims.Subject, claims.Roles.Length)
            : throw new InvalidOperationException("TypedJwt refused the token: " + error.Message);
}
