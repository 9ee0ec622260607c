using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Keys;

namespace TypedJwt.Tests.Dpop;

/// <summary>DPoP proof validation, RFC 9449 §4.3, check by check.</summary>
public sealed class DpopProofValidatorTests
{
    // RFC 9449 §4.1, Figure 4: the proof of a token request, with the key of Figure 3 and its iat of 1562262616.
    private const string Rfc9449TokenRequestProof =
        "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19"
        + ".eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ"
        + ".2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg";

    private static readonly Uri ApiUri = new("https://api.example.com/me");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private DpopProofValidator Validator => new(new DpopProofValidationOptions { TimeProvider = _time });

    [Fact]
    public void Rfc9449_4_1_ExampleProof_IsAcceptedAtItsIat()
    {
        // The RFC's proof was made in 2019: at its own iat it passes every check, signature included.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1562262616));
        var validator = new DpopProofValidator(new DpopProofValidationOptions { TimeProvider = time });

        Assert.True(validator.TryValidate(Rfc9449TokenRequestProof, new DpopRequest("POST", new Uri("https://server.example.com/token")), out ValidatedDpopProof? proof, out JwtError error), error.Message);
        Assert.Equal("-BwC3ESc6acc2lTc", proof.Payload.TokenId);
        Assert.Equal(JwsAlgorithm.ES256, proof.Algorithm);
        Assert.Equal("P-256", proof.Header.Key.Curve);

        // RFC 9449 §6.1: the jkt of that key.
        Assert.Equal("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I", proof.JwkThumbprint);
    }

    [Fact]
    public void Rfc9449_4_3_ExampleProof_IsStaleToday()
    {
        Assert.False(Validator.TryValidate(Rfc9449TokenRequestProof, new DpopRequest("POST", new Uri("https://server.example.com/token")), out _, out JwtError error));
        Assert.Equal(JwtErrorCode.DpopProofStale, error.Code);
    }

    [Fact]
    public void Rfc9449_4_2_Ath_OfTheRfcAccessToken()
    {
        // RFC 9449 §7.1's access token and the ath of §4.2's resource-request proof.
        Assert.Equal("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo", DpopProofWriter.HashAccessToken("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"));
    }

    [Theory]
    [InlineData(JwsAlgorithm.ES256)]
    [InlineData(JwsAlgorithm.ES384)]
    [InlineData(JwsAlgorithm.PS256)]
    [InlineData(JwsAlgorithm.RS256)]
    public void WrittenProof_WithAccessTokenAndBinding_IsAccepted(JwsAlgorithm algorithm)
    {
        JwtSigningKey key = NewKey(algorithm);
        string proof = DpopProofWriter.Write(key, "GET", "https://api.example.com/me", accessToken: "the.access.token", issuedAt: _time.GetUtcNow());

        Assert.True(Validator.TryValidate(proof, new DpopRequest("GET", ApiUri, "the.access.token", JwkThumbprint.ComputeSha256(key)), out ValidatedDpopProof? validated, out JwtError error), error.Message);
        Assert.Equal(DpopProofWriter.HashAccessToken("the.access.token"), validated.Payload.AccessTokenHash);
    }

    [Theory]
    [InlineData("https://API.Example.COM/me")]
    [InlineData("HTTPS://api.example.com:443/me")]
    [InlineData("https://api.example.com/me?x=1")]
    [InlineData("https://api.example.com/me#f")]
    [InlineData("https://api.example.com/a/../me")]
    [InlineData("https://api.example.com/%6De")]
    public void Rfc9449_4_3_Htu_IsComparedAfterRfc3986Normalisation(string htu)
    {
        JwtSigningKey key = NewKey(JwsAlgorithm.ES256);
        string proof = DpopProofWriter.Write(key, "GET", htu, issuedAt: _time.GetUtcNow());

        Assert.True(Validator.TryValidate(proof, new DpopRequest("GET", new Uri("https://api.example.com/me?q=2")), out _, out JwtError error), error.Message);
    }

    [Theory]
    [InlineData("https://api.example.com/ME")]
    [InlineData("http://api.example.com/me")]
    [InlineData("https://api.example.com:8443/me")]
    [InlineData("https://other.example.com/me")]
    [InlineData("https://api.example.com/me/")]
    [InlineData("/me")]
    [InlineData("ftp://api.example.com/me")]
    public void Rfc9449_4_3_Htu_ForAnotherUri_IsRefused(string htu)
    {
        string proof = DpopProofWriter.Write(NewKey(JwsAlgorithm.ES256), "GET", htu, issuedAt: _time.GetUtcNow());

        AssertRefused(proof, new DpopRequest("GET", ApiUri), JwtErrorCode.DpopUriMismatch);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("get")]
    public void Rfc9449_4_3_Htm_ForAnotherMethod_IsRefused(string htm)
    {
        string proof = DpopProofWriter.Write(NewKey(JwsAlgorithm.ES256), htm, ApiUri.ToString(), issuedAt: _time.GetUtcNow());

        AssertRefused(proof, new DpopRequest("GET", ApiUri), JwtErrorCode.DpopMethodMismatch);
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    public void Rfc9449_11_1_IatOutsideTheWindow_IsStale(int seconds)
    {
        string proof = DpopProofWriter.Write(NewKey(JwsAlgorithm.ES256), "GET", ApiUri.ToString(), issuedAt: _time.GetUtcNow().AddSeconds(seconds));

        AssertRefused(proof, new DpopRequest("GET", ApiUri), JwtErrorCode.DpopProofStale);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    public void Rfc9449_11_1_IatAtTheWindowsEdge_IsAccepted(int seconds)
    {
        string proof = DpopProofWriter.Write(NewKey(JwsAlgorithm.ES256), "GET", ApiUri.ToString(), issuedAt: _time.GetUtcNow().AddSeconds(seconds));

        Assert.True(Validator.TryValidate(proof, new DpopRequest("GET", ApiUri), out _, out JwtError error), error.Message);
    }

    [Fact]
    public void Rfc9449_4_3_Ath_MissingOrForAnotherToken_IsRefused()
    {
        JwtSigningKey key = NewKey(JwsAlgorithm.ES256);
        AssertRefused(DpopProofWriter.Write(key, "GET", ApiUri.ToString(), issuedAt: _time.GetUtcNow()), new DpopRequest("GET", ApiUri, "token"), JwtErrorCode.DpopAccessTokenHashMismatch);
        AssertRefused(DpopProofWriter.Write(key, "GET", ApiUri.ToString(), "other", issuedAt: _time.GetUtcNow()), new DpopRequest("GET", ApiUri, "token"), JwtErrorCode.DpopAccessTokenHashMismatch);
    }

    [Fact]
    public void Rfc9449_6_1_ProofFromAnotherKey_IsRefused()
    {
        string proof = DpopProofWriter.Write(NewKey(JwsAlgorithm.ES256), "GET", ApiUri.ToString(), "token", issuedAt: _time.GetUtcNow());

        AssertRefused(proof, new DpopRequest("GET", ApiUri, "token", JwkThumbprint.ComputeSha256(NewKey(JwsAlgorithm.ES256))), JwtErrorCode.DpopKeyMismatch);
    }

    [Fact]
    public void Rfc9449_4_3_AlgNone_IsRefused()
    {
        string proof = Forge(new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "none", ["jwk"] = PublicJwk(NewKey(JwsAlgorithm.ES256)) }, ValidClaims(), signature: "");

        AssertRefused(proof, new DpopRequest("GET", ApiUri), JwtErrorCode.UnsecuredTokenRejected);
    }

    [Fact]
    public void Rfc9449_4_3_Hs256_IsRefused_EvenWithAKeyItVerifies()
    {
        // An HMAC "proof" keyed with its own oct jwk: its k is a private member, refused in the header's one strict pass.
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        var header = new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "HS256", ["jwk"] = new JsonObject { ["kty"] = "oct", ["k"] = TestKeys.ToBase64Url(secret) } };
        string signingInput = Encode(header) + "." + Encode(ValidClaims());
        string proof = signingInput + "." + TestKeys.ToBase64Url(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));

        AssertRefused(proof, new DpopRequest("GET", ApiUri), JwtErrorCode.DpopKeyInvalid);

        // With a public jwk beside it, HS256 is refused as an algorithm no proof may use.
        var withPublicJwk = new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "HS256", ["jwk"] = PublicJwk(NewKey(JwsAlgorithm.ES256)) };
        AssertRefused(Forge(withPublicJwk, ValidClaims(), proof.Split('.')[2]), new DpopRequest("GET", ApiUri), JwtErrorCode.UnsupportedAlgorithm);
    }

    [Fact]
    public void Rfc9449_4_3_HmacAlgorithms_CannotBeAllowed() =>
        Assert.Throws<ArgumentException>(() => new DpopProofValidator(new DpopProofValidationOptions { Algorithms = [JwsAlgorithm.HS256] }));

    [Theory]
    [InlineData("d")]
    [InlineData("p")]
    [InlineData("q")]
    [InlineData("dp")]
    [InlineData("dq")]
    [InlineData("qi")]
    [InlineData("k")]
    public void Rfc9449_4_3_JwkWithAPrivateMember_IsRefused(string member)
    {
        // A correctly signed proof whose jwk also carries a private member (here the EC key's real d when asked for it).
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JwtSigningKey key = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256);
        JsonObject jwk = PublicJwk(key);
        jwk[member] = TestKeys.ToBase64Url(ecdsa.ExportParameters(true).D!);

        AssertRefused(Sign(key, new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "ES256", ["jwk"] = jwk }, ValidClaims()), new DpopRequest("GET", ApiUri), JwtErrorCode.DpopKeyInvalid);
    }

    [Fact]
    public void Rfc9449_4_3_SignatureFromAnotherKeyThanTheJwk_IsRefused()
    {
        JwtSigningKey signer = NewKey(JwsAlgorithm.ES256);
        var header = new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "ES256", ["jwk"] = PublicJwk(NewKey(JwsAlgorithm.ES256)) };

        AssertRefused(Sign(signer, header, ValidClaims()), new DpopRequest("GET", ApiUri), JwtErrorCode.InvalidSignature);
    }

    [Theory]
    [InlineData("JWT", JwtErrorCode.InvalidTokenType)]
    [InlineData("at+jwt", JwtErrorCode.InvalidTokenType)]
    [InlineData(null, JwtErrorCode.InvalidTokenType)]
    public void Rfc9449_4_3_TypOtherThanDpopJwt_IsRefused(string? typ, JwtErrorCode code)
    {
        JwtSigningKey key = NewKey(JwsAlgorithm.ES256);
        var header = new JsonObject { ["alg"] = "ES256", ["jwk"] = PublicJwk(key) };
        if (typ is not null)
        {
            header["typ"] = typ;
        }

        AssertRefused(Sign(key, header, ValidClaims()), new DpopRequest("GET", ApiUri), code);
    }

    [Fact]
    public void Rfc9449_4_3_JwkAbsentOrOfTheWrongCurve_IsRefused()
    {
        JwtSigningKey key = NewKey(JwsAlgorithm.ES256);
        AssertRefused(Sign(key, new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "ES256" }, ValidClaims()), new DpopRequest("GET", ApiUri), JwtErrorCode.DpopKeyInvalid);

        JsonObject p384 = PublicJwk(NewKey(JwsAlgorithm.ES384));
        AssertRefused(Sign(key, new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "ES256", ["jwk"] = p384 }, ValidClaims()), new DpopRequest("GET", ApiUri), JwtErrorCode.DpopKeyInvalid);
    }

    [Theory]
    [InlineData("jti")]
    [InlineData("htm")]
    [InlineData("htu")]
    [InlineData("iat")]
    public void Rfc9449_4_2_RequiredClaimMissing_IsRefused(string claim)
    {
        JwtSigningKey key = NewKey(JwsAlgorithm.ES256);
        JsonObject claims = ValidClaims();
        claims.Remove(claim);

        AssertRefused(Sign(key, ProofHeader(key), claims), new DpopRequest("GET", ApiUri), JwtErrorCode.MissingClaim);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("é.b.c")]
    public void MalformedProof_IsRefusedWithoutThrowing(string proof) =>
        Assert.False(Validator.TryValidate(proof, new DpopRequest("GET", ApiUri), out _, out _));

    private void AssertRefused(string proof, DpopRequest request, JwtErrorCode code)
    {
        Assert.False(Validator.TryValidate(proof, request, out ValidatedDpopProof? validated, out JwtError error));
        Assert.Null(validated);
        Assert.Equal(code, error.Code);
    }

    internal static JwtSigningKey NewKey(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.ES256 => JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), algorithm),
        JwsAlgorithm.ES384 => JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP384), algorithm),
        _ => JwtSigningKey.FromRsa(RSA.Create(2048), algorithm),
    };

    private JsonObject ValidClaims() => new()
    {
        ["jti"] = Guid.NewGuid().ToString(),
        ["htm"] = "GET",
        ["htu"] = ApiUri.ToString(),
        ["iat"] = _time.GetUtcNow().ToUnixTimeSeconds(),
    };

    private static JsonObject ProofHeader(JwtSigningKey key) =>
        new() { ["typ"] = "dpop+jwt", ["alg"] = JwsAlgorithmNames.GetName(key.Algorithm), ["jwk"] = PublicJwk(key) };

    internal static JsonObject PublicJwk(JwtSigningKey key)
    {
        JsonObject jwk = JsonNode.Parse(key.ToPublicJwk())!.AsObject();
        jwk.Remove("alg");
        jwk.Remove("use");
        jwk.Remove("kid");
        return jwk;
    }

    private static string Encode(JsonObject json) => TestKeys.ToBase64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string Forge(JsonObject header, JsonObject claims, string signature) => Encode(header) + "." + Encode(claims) + "." + signature;

    internal static string Sign(JwtSigningKey key, JsonObject header, JsonObject claims)
    {
        string signingInput = Encode(header) + "." + Encode(claims);
        byte[] signature = new byte[key.SignatureSize];
        Assert.True(key.TrySign(Encoding.ASCII.GetBytes(signingInput), signature, out int written));
        return signingInput + "." + TestKeys.ToBase64Url(signature.AsSpan(0, written));
    }
}
