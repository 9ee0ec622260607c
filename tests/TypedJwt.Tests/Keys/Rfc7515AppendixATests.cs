using System.Text;
using System.Text.Json.Nodes;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// RFC 7515 Appendix A.1–A.4: the published keys verify the published tokens, HS256 and RS256 (deterministic) signing
/// reproduces the published signatures byte for byte, and ES256/ES512 (randomized) round-trip. The RFC's JWKs have no
/// "alg", which TypedJwt requires, so each test binds the key to the example's algorithm.
/// </summary>
public class Rfc7515AppendixATests
{
    [Theory]
    [InlineData("rfc7515-A.1")]
    [InlineData("rfc7515-A.2")]
    [InlineData("rfc7515-A.3")]
    [InlineData("rfc7515-A.4")]
    public void Published_signature_verifies_with_the_published_key(string id)
    {
        JsonObject example = TestKeys.Rfc7515Case(id);
        (byte[] signingInput, byte[] signature) = Split((string)example["token"]!);

        JwtSigningKey key = TestKeys.Load(TestKeys.Rfc7515Key(id, "verify_key"), (string)example["alg"]!);
        Assert.True(key.Verify(signingInput, signature));

        signature[^1] ^= 1;
        Assert.False(key.Verify(signingInput, signature));
    }

    [Theory]
    [InlineData("rfc7515-A.1")]
    [InlineData("rfc7515-A.2")]
    public void Deterministic_signing_reproduces_the_published_signature(string id)
    {
        JsonObject example = TestKeys.Rfc7515Case(id);
        string token = (string)example["token"]!;
        (byte[] signingInput, _) = Split(token);

        JwtSigningKey key = TestKeys.Load(TestKeys.Rfc7515Key(id, "key"), (string)example["alg"]!);
        byte[] signature = new byte[key.SignatureSize];
        Assert.True(key.TrySign(signingInput, signature, out int written));
        Assert.Equal(key.SignatureSize, written);
        Assert.Equal(token.Split('.')[2], TestKeys.ToBase64Url(signature));
    }

    [Theory]
    [InlineData("rfc7515-A.3", 64)]
    [InlineData("rfc7515-A.4", 132)]
    public void Ecdsa_signatures_round_trip_with_the_published_key(string id, int signatureSize)
    {
        JsonObject example = TestKeys.Rfc7515Case(id);
        (byte[] signingInput, _) = Split((string)example["token"]!);
        string alg = (string)example["alg"]!;

        JwtSigningKey privateKey = TestKeys.Load(TestKeys.Rfc7515Key(id, "key"), alg);
        JwtSigningKey publicKey = TestKeys.Load(TestKeys.Rfc7515Key(id, "verify_key"), alg);
        Assert.True(privateKey.CanSign);
        Assert.False(publicKey.CanSign);
        Assert.Equal(signatureSize, privateKey.SignatureSize);

        byte[] signature = new byte[signatureSize];
        Assert.True(privateKey.TrySign(signingInput, signature, out int written));
        Assert.Equal(signatureSize, written);
        Assert.True(publicKey.Verify(signingInput, signature));
        Assert.True(privateKey.Verify(signingInput, signature));
    }

    [Fact]
    public void Rsa_round_trip_with_pss_on_the_published_key()
    {
        JwtSigningKey privateKey = TestKeys.Load(TestKeys.RsaPrivateJwk, "PS256");
        JwtSigningKey publicKey = TestKeys.Load(TestKeys.RsaPublicJwk, "PS256");
        byte[] input = Encoding.ASCII.GetBytes("eyJhbGciOiJQUzI1NiJ9.UGF5bG9hZA");
        byte[] signature = new byte[privateKey.SignatureSize];
        Assert.True(privateKey.TrySign(input, signature, out _));
        Assert.True(publicKey.Verify(input, signature));

        // The same key bound to RS256 must not accept a PS256 signature.
        Assert.False(TestKeys.Load(TestKeys.RsaPublicJwk, "RS256").Verify(input, signature));
    }

    private static (byte[] SigningInput, byte[] Signature) Split(string token)
    {
        int lastDot = token.LastIndexOf('.');
        return (Encoding.ASCII.GetBytes(token[..lastDot]), TestKeys.FromBase64Url(token[(lastDot + 1)..]));
    }
}
