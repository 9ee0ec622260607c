using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Interop;

/// <summary>
/// Encrypted tokens both directions with Microsoft.IdentityModel.JsonWebTokens, for the key management and content
/// encryption pairs both libraries implement (IdentityModel encrypts with CBC-HMAC only; RSA-OAEP-256 and ECDH-ES are not
/// offered by its JsonWebTokenHandler for JWE creation).
/// </summary>
public class IdentityModelJweInteropTests
{
    private const string Issuer = "https://issuer.example";
    private const string Audience = "api";

    private static readonly RSA Rsa = RSA.Create(2048);
    private static readonly byte[] Secret32 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Secret64 = RandomNumberGenerator.GetBytes(64);
    private static readonly JwtSigningKey OurSigningKey = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Secret64, "s1");

    public static TheoryData<string, string> Pairs() => new()
    {
        { "dir", "A128CBC-HS256" },
        { "dir", "A256CBC-HS512" },
        { "A128KW", "A128CBC-HS256" },
        { "A256KW", "A256CBC-HS512" },
        { "RSA-OAEP", "A128CBC-HS256" },
        { "RSA-OAEP", "A256CBC-HS512" },
    };

    // IdentityModel's CreateToken(payload, EncryptingCredentials) wraps an unsecured JWS (alg: none) under cty: JWT.
    // TypedJwt decrypts it (keys and ciphers interoperate), then refuses it: as a nested token for its alg none inner
    // layer, and as an encrypted claims set for its cty: JWT.
    [Theory]
    [MemberData(nameof(Pairs))]
    public void IdentityModel_encrypt_only_token_decrypts_but_its_unsecured_inner_token_is_refused(string alg, string enc)
    {
        (JwtEncryptionKey ours, EncryptingCredentials theirs) = KeysFor(alg, enc);
        string token = new JsonWebTokenHandler().CreateToken(Claims(), theirs);

        var reader = new JweTokenReader(new JwtEncryptionKeySet(ours), JwtValidationPolicy.For(Issuer, Audience), TokenTypeRequirement.None, nested: true, authenticatesSender: false);
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(token);
        byte[] scratch = new byte[JweTokenReader.GetScratchLength(bytes.Length)];
        Assert.Equal(JwtError.None, reader.Decrypt(bytes, scratch, out Range plaintext));
        Assert.Equal("""{"alg":"none","typ":"JWT"}""", new JsonWebToken(System.Text.Encoding.ASCII.GetString(scratch[plaintext])).EncodedHeader is { } h
            ? System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(h))
            : null);

        var nested = new NestedJwtValidator<AnyClaims>(ours, new JwtKeySet(OurSigningKey), JwtValidationPolicy.For(Issuer, Audience));
        Assert.Equal(JwtError.Create(JwtErrorCode.UnsecuredTokenRejected, "alg"), nested.Validate(token.AsSpan()));
        // A plain-JWE validator needs the opt-in for an RSA-OAEP key (UnauthenticatedSenderTests); it still refuses cty: JWT.
        var claimsOnly = new JweValidator<AnyClaims>(ours, new JwtValidationPolicy { ValidIssuers = [Issuer], ValidAudiences = [Audience], DangerousAcceptUnauthenticatedSenders = true });
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidContentType, "cty"), claimsOnly.Validate(token.AsSpan()));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void IdentityModel_nested_token_validates_in_TypedJwt(string alg, string enc)
    {
        (JwtEncryptionKey ours, EncryptingCredentials theirs) = KeysFor(alg, enc);
        var signing = new SigningCredentials(new SymmetricSecurityKey(Secret64) { KeyId = "s1" }, "HS256");
        string token = new JsonWebTokenHandler().CreateToken(Claims(), signing, theirs);

        var validator = new NestedJwtValidator<AnyClaims>(ours, new JwtKeySet(OurSigningKey), JwtValidationPolicy.For(Issuer, Audience));
        Assert.True(validator.TryValidate(token, out _, out JwtError error), error.Message);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TypedJwt_encrypted_token_decrypts_in_IdentityModel(string alg, string enc)
    {
        (JwtEncryptionKey ours, EncryptingCredentials theirs) = KeysFor(alg, enc);
        string token = JweWriter.Write(new AnyAccessTokenClaims(), ours);

        string plaintext = new JsonWebTokenHandler().DecryptToken(new JsonWebToken(token), new TokenValidationParameters { TokenDecryptionKey = theirs.Key });

        using JsonDocument claims = JsonDocument.Parse(plaintext);
        Assert.Equal(Issuer, claims.RootElement.GetProperty("iss").GetString());
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task TypedJwt_nested_token_validates_in_IdentityModel(string alg, string enc)
    {
        (JwtEncryptionKey ours, EncryptingCredentials theirs) = KeysFor(alg, enc);
        string token = JweWriter.WriteNested(new AnyAccessTokenClaims(), OurSigningKey, ours);

        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Secret64) { KeyId = "s1" },
            TokenDecryptionKey = theirs.Key,
            ValidTypes = ["at+jwt"],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    private static string Claims() =>
        $$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}},"sub":"alice"}""";

    private static (JwtEncryptionKey Ours, EncryptingCredentials Theirs) KeysFor(string alg, string enc)
    {
        JweEncryption encryption = enc == "A128CBC-HS256" ? JweEncryption.A128CbcHS256 : JweEncryption.A256CbcHS512;
        switch (alg)
        {
            case "dir":
                byte[] cek = encryption == JweEncryption.A128CbcHS256 ? Secret32 : Secret64;
                return (JwtEncryptionKey.CreateDirect(encryption, cek, "d1"), new EncryptingCredentials(new SymmetricSecurityKey(cek) { KeyId = "d1" }, "dir", enc));
            case "A128KW":
            case "A256KW":
                byte[] kek = alg == "A128KW" ? Secret32[..16] : Secret32;
                JweAlgorithm wrap = alg == "A128KW" ? JweAlgorithm.A128KW : JweAlgorithm.A256KW;
                return (JwtEncryptionKey.CreateAesKeyWrap(wrap, encryption, kek, "w1"), new EncryptingCredentials(new SymmetricSecurityKey(kek) { KeyId = "w1" }, alg, enc));
            default:
                return (JwtEncryptionKey.FromRsa(Rsa, JweAlgorithm.RsaOaep, encryption, "r1"), new EncryptingCredentials(new RsaSecurityKey(Rsa) { KeyId = "r1" }, alg, enc));
        }
    }
}
