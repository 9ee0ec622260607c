using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Interop;

/// <summary>
/// Both directions with Microsoft.IdentityModel.JsonWebTokens, for every algorithm: a TypedJwt token validates there, and
/// a token it issues with the same key validates here.
/// </summary>
public class IdentityModelInteropTests
{
    private const string Issuer = "https://issuer.example";
    private const string Audience = "api";

    private static readonly RSA Rsa = RSA.Create(2048);
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(64);
    private static readonly Dictionary<string, ECDsa> Curves = new()
    {
        ["ES256"] = ECDsa.Create(ECCurve.NamedCurves.nistP256),
        ["ES384"] = ECDsa.Create(ECCurve.NamedCurves.nistP384),
        ["ES512"] = ECDsa.Create(ECCurve.NamedCurves.nistP521),
    };

    public static TheoryData<string> Algorithms => new(Enum.GetNames<JwsAlgorithm>());

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task TypedJwt_token_validates_in_IdentityModel(string algorithm)
    {
        (JwtSigningKey ours, SecurityKey theirs) = KeysFor(algorithm);
        string token = JwsWriter.Write(new AnyAccessTokenClaims(), ours);

        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = theirs,
            ValidAlgorithms = [algorithm],
            ValidTypes = ["at+jwt"],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(algorithm, ((JsonWebToken)result.SecurityToken).Alg);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void IdentityModel_token_validates_in_TypedJwt(string algorithm)
    {
        (JwtSigningKey ours, SecurityKey theirs) = KeysFor(algorithm);
        string token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(theirs, algorithm),
        });

        var validator = new JwtValidator<AnyAccessTokenClaims>(ours, JwtValidationPolicy.For(Issuer, Audience));
        Assert.True(validator.TryValidate(token, out _, out JwtError error), error.Message);
    }

    [Fact]
    public void HMAC_token_signed_with_the_published_public_key_is_refused()
    {
        // Algorithm confusion: an attacker signs HS256 with the bytes of the RSA public key the issuer publishes.
        (JwtSigningKey ours, _) = KeysFor("RS256");
        byte[] publicKey = Rsa.ExportSubjectPublicKeyInfo();
        string token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(publicKey) { KeyId = "RS256" }, "HS256"),
        });

        var validator = new JwtValidator<AnyAccessTokenClaims>(ours, JwtValidationPolicy.For(Issuer, Audience));
        Assert.Equal(JwtErrorCode.AlgorithmMismatch, validator.Validate(token).Code);
    }

    private static (JwtSigningKey Ours, SecurityKey Theirs) KeysFor(string algorithm)
    {
        var alg = Enum.Parse<JwsAlgorithm>(algorithm);
        return algorithm[..2] switch
        {
            "HS" => (JwtSigningKey.CreateHmac(alg, Secret, algorithm), new SymmetricSecurityKey(Secret) { KeyId = algorithm }),
            "RS" or "PS" => (JwtSigningKey.FromRsa(Rsa, alg, algorithm), new RsaSecurityKey(Rsa) { KeyId = algorithm }),
            _ => (JwtSigningKey.FromECDsa(Curves[algorithm], alg, algorithm), new ECDsaSecurityKey(Curves[algorithm]) { KeyId = algorithm }),
        };
    }
}
