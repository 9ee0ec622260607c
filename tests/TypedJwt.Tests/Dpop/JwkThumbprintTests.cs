using System.Security.Cryptography;
using TypedJwt.Tests.Keys;

namespace TypedJwt.Tests.Dpop;

/// <summary>RFC 7638 JWK thumbprints (SHA-256, base64url) as <c>cnf.jkt</c> carries them (RFC 9449 §6.1).</summary>
public sealed class JwkThumbprintTests
{
    // RFC 7638 §3.1: the RSA key of RFC 7517 Appendix A.1 and its thumbprint.
    private const string Rfc7638Modulus =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    private const string Rfc7638Thumbprint = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    [Fact]
    public void Rfc7638_3_1_RsaExample_HasThePublishedThumbprint()
    {
        string jwk = $$"""{"kty":"RSA","n":"{{Rfc7638Modulus}}","e":"AQAB","alg":"RS256","kid":"2011-04-29"}""";

        Assert.Equal(Rfc7638Thumbprint, JwkThumbprint.ComputeSha256(jwk));
    }

    [Fact]
    public void Rfc7638_3_1_RsaExample_AsASigningKey_HasThePublishedThumbprint()
    {
        // The same key imported and published again by TypedJwt (members in its own order, alg/kid/use added).
        JwtSigningKey key = JwtSigningKey.FromJwk($$"""{"kty":"RSA","n":"{{Rfc7638Modulus}}","e":"AQAB","alg":"RS256"}""");

        Assert.Equal(Rfc7638Thumbprint, JwkThumbprint.ComputeSha256(key));
    }

    [Fact]
    public void Rfc9449_6_1_EcExampleKey_HasThePublishedJkt()
    {
        const string jwk = """{"kty":"EC","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA","crv":"P-256"}""";

        Assert.Equal("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I", JwkThumbprint.ComputeSha256(jwk));
    }

    [Fact]
    public void Rfc7638_3_3_OptionalMembers_DoNotChangeTheThumbprint()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JwtSigningKey a = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256);
        JwtSigningKey b = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256, keyId: "another-kid");

        Assert.Equal(JwkThumbprint.ComputeSha256(a), JwkThumbprint.ComputeSha256(b));
        Assert.Equal(43, JwkThumbprint.ComputeSha256(a).Length);
    }

    [Fact]
    public void SymmetricKey_HasNoThumbprint()
    {
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, TestKeys.Hmac256Secret);

        Assert.Throws<ArgumentException>(() => JwkThumbprint.ComputeSha256(key));
    }

    [Theory]
    [InlineData("""{"kty":"oct","k":"AAAA"}""")]
    [InlineData("""{"kty":"RSA","e":"AQAB"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"AAAA"}""")]
    public void IncompleteOrSymmetricJwk_IsRefused(string jwk) =>
        Assert.Throws<ArgumentException>(() => JwkThumbprint.ComputeSha256(jwk));
}
