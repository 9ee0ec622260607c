using TypedJwt.Tests.Jws;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Jwe;

/// <summary>The JWE header rules and the reading order: structure and header errors come before any key or decryption work.</summary>
public class JweHeaderValidationTests
{
    private static readonly byte[] Cek = JweTestKit.Bytes(32, 9);
    private static readonly JwtEncryptionKey Key = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, Cek, "e1");

    private static string Payload => ValidatorTestKit.ValidPayload(",\"sub\":\"patient-17\"");

    private static JwtError Validate(string header, string? payload = null) =>
        new JweValidator<PatientRecord>(Key, JweTestKit.Policy()).Validate(JweTestKit.HandMade(header, payload ?? Payload, Cek, JweEncryption.A128CbcHS256).AsSpan());

    [Fact]
    public void Hand_made_token_with_the_written_header_is_accepted() =>
        Assert.Equal(JwtError.None, Validate("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}"""));

    [Theory]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","zip":"DEF"}""", JwtErrorCode.CompressionRejected, "zip")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","crit":["exp"],"exp":1}""", JwtErrorCode.UnsupportedCriticalHeader, null)]
    [InlineData("""{"alg":"dir","alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.DuplicateMember, "alg")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","\u0065nc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.DuplicateMember, "enc")]
    [InlineData("""{"enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.MissingAlgorithm, "alg")]
    [InlineData("""{"alg":"dir","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.MissingAlgorithm, "enc")]
    [InlineData("""{"alg":"RSA1_5","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.UnsupportedAlgorithm, "alg")]
    [InlineData("""{"alg":"PBES2-HS256+A128KW","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.UnsupportedAlgorithm, "alg")]
    [InlineData("""{"alg":"HS256","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.UnsupportedAlgorithm, "alg")]
    [InlineData("""{"alg":"none","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.UnsecuredTokenRejected, "alg")]
    [InlineData("""{"alg":"dir","enc":"A192CBC-HS384","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.UnsupportedEncryption, "enc")]
    [InlineData("""{"alg":"dir","enc":"a128cbc-hs256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.UnsupportedEncryption, "enc")]
    [InlineData("""{"alg":"A128KW","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.AlgorithmMismatch, "alg")]
    [InlineData("""{"alg":"dir","enc":"A256GCM","typ":"record+jwt","kid":"e1"}""", JwtErrorCode.AlgorithmMismatch, "enc")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e2"}""", JwtErrorCode.KeyNotFound, "kid")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"at+jwt","kid":"e1"}""", JwtErrorCode.InvalidTokenType, "typ")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","kid":"e1"}""", JwtErrorCode.InvalidTokenType, "typ")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","cty":"JWT"}""", JwtErrorCode.InvalidContentType, "cty")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","cty":"jwt"}""", JwtErrorCode.InvalidContentType, "cty")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":7}""", JwtErrorCode.InvalidHeaderParameter, "kid")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"} """, JwtErrorCode.None, null)]
    [InlineData("""[]""", JwtErrorCode.MalformedJson, "header")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","x":"\ud800"}""", JwtErrorCode.MalformedJson, "header")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","x":["\udfaa"]}""", JwtErrorCode.MalformedJson, "header")]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","x":"\ud83d\ude00"}""", JwtErrorCode.None, null)]
    public void Header_rules(string header, JwtErrorCode code, string? name) =>
        Assert.Equal(JwtError.Create(code, name), Validate(header));

    [Fact]
    public void Header_and_decrypted_claims_that_are_not_utf8_are_malformed_json()
    {
        var validator = new JweValidator<PatientRecord>(Key, JweTestKit.Policy());
        byte[] header = [.. System.Text.Encoding.UTF8.GetBytes("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1","x":" """.TrimEnd()), 0xFF, (byte)'"', (byte)'}'];
        byte[] goodHeader = System.Text.Encoding.UTF8.GetBytes("""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"}""");
        byte[] claims = [.. System.Text.Encoding.UTF8.GetBytes(Payload[..^1] + ""","x":" """.TrimEnd()), 0xC0, 0xAF, (byte)'"', (byte)'}'];

        Assert.Equal(JwtError.Create(JwtErrorCode.MalformedJson, "header"), validator.Validate(JweTestKit.HandMade(header, System.Text.Encoding.UTF8.GetBytes(Payload), Cek, JweEncryption.A128CbcHS256).AsSpan()));
        string badClaims = JweTestKit.HandMade(goodHeader, claims, Cek, JweEncryption.A128CbcHS256);
        Assert.Equal(JwtError.Create(JwtErrorCode.MalformedJson, "payload"), validator.Validate(badClaims.AsSpan()));
        Assert.False(validator.TryValidate(badClaims, out _, out JwtError error));
        Assert.Equal(JwtError.Create(JwtErrorCode.MalformedJson, "payload"), error);
    }

    [Fact]
    public void Typ_compares_as_a_media_type() =>
        Assert.Equal(JwtError.None, Validate("""{"alg":"dir","enc":"A128CBC-HS256","typ":"application/RECORD+JWT","kid":"e1"}"""));

    [Theory]
    [InlineData("a.b.c.d", JwtErrorCode.MalformedToken)]
    [InlineData("a.b.c.d.e.f", JwtErrorCode.MalformedToken)]
    [InlineData("e30.e30.c2ln", JwtErrorCode.SignedTokenNotExpected)]
    [InlineData("e30=..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA", JwtErrorCode.InvalidBase64Url)]
    public void Structure_is_checked_first(string token, JwtErrorCode code) =>
        Assert.Equal(code, new JweValidator<PatientRecord>(Key, JweTestKit.Policy()).Validate(token.AsSpan()).Code);

    [Fact]
    public void A_signed_token_is_never_read_as_encrypted_and_vice_versa()
    {
        string signed = JwsWriter.Write(new AnyAccessTokenClaims(), ValidatorTestKit.Key);
        string encrypted = JweWriter.Write(JweTestKit.Record(), Key);

        Assert.Equal(JwtErrorCode.SignedTokenNotExpected, new JweValidator<PatientRecord>(Key, JweTestKit.Policy()).Validate(signed.AsSpan()).Code);
        Assert.Equal(JwtErrorCode.EncryptedTokenNotExpected, ValidatorTestKit.Validator().Validate(encrypted.AsSpan()).Code);
    }

    [Fact]
    public void Length_limit_is_checked_before_anything_else()
    {
        var policy = new JwtValidationPolicy { ValidIssuers = ["https://issuer.example"], ValidAudiences = ["api"], MaxTokenLength = 100 };
        Assert.Equal(JwtErrorCode.TokenTooLong, new JweValidator<PatientRecord>(Key, policy).Validate(new string('.', 101).AsSpan()).Code);
    }

    [Fact]
    public void Non_ascii_characters_are_malformed() =>
        Assert.Equal(JwtErrorCode.MalformedToken, new JweValidator<PatientRecord>(Key, JweTestKit.Policy()).Validate("é.a.b.c.d".AsSpan()).Code);

    [Fact]
    public void Null_token_string_is_malformed()
    {
        Assert.False(new JweValidator<PatientRecord>(Key, JweTestKit.Policy()).TryValidate((string?)null, out _, out JwtError error));
        Assert.Equal(JwtErrorCode.MalformedToken, error.Code);
    }
}

/// <summary>RFC 7519 §5.3: claims replicated into the JWE header must equal the claims inside, for plain and nested tokens.</summary>
public class ReplicatedClaimTests
{
    private static readonly byte[] Cek = JweTestKit.Bytes(32, 9);
    private static readonly JwtEncryptionKey Key = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, Cek, "e1");
    private static readonly string Payload = ValidatorTestKit.ValidPayload(",\"sub\":\"patient-17\"");

    [Theory]
    [InlineData(""","iss":"https://issuer.example" """, JwtErrorCode.None, null)]
    [InlineData(""","iss":"https://issuer.example","sub":"patient-17","aud":"api" """, JwtErrorCode.None, null)]
    [InlineData(""","iss":"https://evil.example" """, JwtErrorCode.ReplicatedClaimMismatch, "iss")]
    [InlineData(""","sub":"patient-18" """, JwtErrorCode.ReplicatedClaimMismatch, "sub")]
    [InlineData(""","aud":["api"] """, JwtErrorCode.ReplicatedClaimMismatch, "aud")]
    [InlineData(""","sub":null """, JwtErrorCode.ReplicatedClaimMismatch, "sub")]
    public void Plain_jwe(string replicated, JwtErrorCode code, string? name)
    {
        string header = $$"""{"alg":"dir","enc":"A128CBC-HS256","typ":"record+jwt","kid":"e1"{{replicated.TrimEnd()}}}""";
        string token = JweTestKit.HandMade(header, Payload, Cek, JweEncryption.A128CbcHS256);

        Assert.Equal(JwtError.Create(code, name), new JweValidator<PatientRecord>(Key, JweTestKit.Policy()).Validate(token.AsSpan()));
    }

    [Theory]
    [InlineData(""","iss":"https://issuer.example" """, JwtErrorCode.None, null)]
    [InlineData(""","iss":"https://evil.example" """, JwtErrorCode.ReplicatedClaimMismatch, "iss")]
    [InlineData(""","sub":"bob" """, JwtErrorCode.ReplicatedClaimMismatch, "sub")]
    public void Nested_jwt_outer_header_is_bound_to_the_signed_claims(string replicated, JwtErrorCode code, string? name)
    {
        string inner = JwsWriter.Write(new AnyAccessTokenClaims(), ValidatorTestKit.Key);
        string header = $$"""{"alg":"dir","enc":"A128CBC-HS256","cty":"JWT","kid":"e1"{{replicated.TrimEnd()}}}""";
        string token = JweTestKit.HandMade(header, inner, Cek, JweEncryption.A128CbcHS256);

        var validator = new NestedJwtValidator<AnyAccessTokenClaims>(Key, new JwtKeySet(ValidatorTestKit.Key), JweTestKit.Policy());
        Assert.Equal(JwtError.Create(code, name), validator.Validate(token.AsSpan()));
    }
}
