using System.Text;
using TypedJwt.Tests.Keys;

namespace TypedJwt.Tests.Dpop;

/// <summary>A payload type for the tests: an access token that may be bound to a key (RFC 9449 §6.1) or certificate (RFC 8705 §3.1).</summary>
[JwtPayload(TokenType = "at+jwt")]
public sealed partial record BoundAccessToken
{
    [JwtClaim("sub")] public required string Subject { get; init; }
    [JwtClaim("cnf")] public JwtConfirmation? Confirmation { get; init; }
}

/// <summary>The <c>cnf</c> claim (RFC 7800 §3.1) through the generated reader and writer of a payload type that declares it.</summary>
public sealed class JwtConfirmationTests
{
    private static readonly JwtSigningKey Key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, TestKeys.Hmac256Secret);

    [Fact]
    public void Rfc9449_6_1_Jkt_RoundTripsThroughAGeneratedPayload()
    {
        var token = new BoundAccessToken { Subject = "alice", Confirmation = JwtConfirmation.ForJwkThumbprint("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I") };
        string jwt = JwsWriter.Write(token, Key);
        Assert.Contains("\"cnf\":{\"jkt\":\"0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I\"}", PayloadJson(jwt), StringComparison.Ordinal);

        var validator = new JwtValidator<BoundAccessToken>(Key, new JwtValidationPolicy { RequireExpirationTime = false, SkipIssuerValidation = true, SkipAudienceValidation = true });
        Assert.True(validator.TryValidate(jwt, out BoundAccessToken? read, out JwtError error), error.Message);
        Assert.Equal(token, read);
    }

    [Fact]
    public void Rfc8705_3_1_X5tS256_AndUnknownConfirmationMembers_AreRead()
    {
        Assert.True(BoundAccessToken.TryReadJson(
            """{"sub":"a","cnf":{"x5t#S256":"bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2","kid":"other","jwk":{"kty":"EC"}}}"""u8,
            out BoundAccessToken? token, out JwtError error), error.Message);
        Assert.Equal("bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2", token.Confirmation!.X509CertificateThumbprint);
        Assert.Null(token.Confirmation.JwkThumbprint);
    }

    [Fact]
    public void AbsentCnf_IsNull()
    {
        Assert.True(BoundAccessToken.TryReadJson("""{"sub":"a"}"""u8, out BoundAccessToken? token, out _));
        Assert.Null(token.Confirmation);
    }

    [Theory]
    [InlineData("""{"sub":"a","cnf":"jkt"}""", JwtErrorCode.InvalidClaimType, "cnf")]
    [InlineData("""{"sub":"a","cnf":{"jkt":1}}""", JwtErrorCode.InvalidClaimType, "jkt")]
    [InlineData("""{"sub":"a","cnf":{"jkt":"a","jkt":"b"}}""", JwtErrorCode.DuplicateMember, null)]
    public void MalformedCnf_IsRefused(string json, JwtErrorCode code, string? name)
    {
        Assert.False(BoundAccessToken.TryReadJson(Encoding.UTF8.GetBytes(json), out _, out JwtError error));
        Assert.Equal(code, error.Code);
        Assert.Equal(name, error.Name);
    }

    [Fact]
    public void JktThatIsNotASha256Thumbprint_FailsItsConstraint()
    {
        Assert.True(BoundAccessToken.TryReadJson("""{"sub":"a","cnf":{"jkt":"short"}}"""u8, out BoundAccessToken? token, out _));
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidClaimValue, "jkt"), token.ValidateConstraints());
    }

    private static string PayloadJson(string jwt) => Encoding.UTF8.GetString(TestKeys.FromBase64Url(jwt.Split('.')[1]));
}
