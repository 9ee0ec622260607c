using System.Security.Cryptography;

namespace TypedJwt.Tests.Jwe;

/// <summary>Encryption keys are made as strictly as signing keys: one alg and one enc, sizes checked, JWKs meant for encryption only.</summary>
public class EncryptionKeyTests
{
    private const string Oct16 = "GZy6sIZ6wl9NJOKB-jnmVQ";
    private const string Oct32 = "qC57l_uxcm7Nm3K-ct4GFjx8tM1U8CZ0NLBvdQstiS8";

    [Theory]
    [InlineData($$"""{"kty":"oct","k":"{{Oct16}}"}""", "'alg'")]
    [InlineData($$"""{"kty":"oct","alg":"A128KW","use":"sig","k":"{{Oct16}}"}""", "'use'")]
    [InlineData($$"""{"kty":"oct","alg":"A128KW","key_ops":["sign"],"k":"{{Oct16}}"}""", "'key_ops'")]
    [InlineData($$"""{"kty":"oct","alg":"A128KW","k":"{{Oct32}}"}""", "16 bytes")]
    [InlineData($$"""{"kty":"oct","alg":"A256KW","k":"{{Oct16}}"}""", "32 bytes")]
    [InlineData($$"""{"kty":"oct","alg":"A128GCMKW","k":"{{Oct16}}"}""", "not a JWE algorithm")]
    [InlineData($$"""{"kty":"oct","alg":"A192KW","k":"{{Oct16}}"}""", "not a JWE algorithm")]
    [InlineData($$"""{"kty":"oct","alg":"PBES2-HS256+A128KW","k":"{{Oct16}}"}""", "not a JWE algorithm")]
    [InlineData($$"""{"kty":"oct","alg":"HS256","k":"{{Oct32}}"}""", "not a JWE algorithm")]
    [InlineData($$"""{"kty":"oct","alg":"A256GCM","k":"{{Oct32}}"}""", "requested for A128GCM")]
    [InlineData($$"""{"kty":"oct","alg":"dir","k":"{{Oct32}}"}""", "16 bytes")]
    [InlineData($$"""{"kty":"RSA","alg":"A128KW","k":"{{Oct16}}"}""", "'kty' oct")]
    [InlineData($$"""{"kty":"oct","alg":"RSA-OAEP","k":"{{Oct16}}"}""", "'kty' RSA")]
    [InlineData($$"""{"kty":"oct","alg":"ECDH-ES","k":"{{Oct16}}"}""", "'kty' EC")]
    [InlineData($$"""{"kty":"oct","alg":"A128KW","k":"{{Oct16}}","k":"{{Oct16}}"}""", "more than once")]
    [InlineData($$"""{"kty":"EC","alg":"ECDH-ES","crv":"P-256K","x":"AA","y":"AA"}""", "'crv'")]
    public void Refused_jwks_name_the_member_at_fault(string jwk, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => JwtEncryptionKey.FromJwk(jwk, JweEncryption.A128GCM));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain(Oct16, e.Message);
    }

    [Fact]
    public void Rsa_keys_below_2048_bits_are_refused()
    {
        using RSA small = RSA.Create(1024);
        Assert.Throws<ArgumentException>(() => JwtEncryptionKey.FromRsa(small, JweAlgorithm.RsaOaep256, JweEncryption.A256GCM));
    }

    [Fact]
    public void Factories_refuse_algorithms_of_another_kind()
    {
        Assert.Throws<ArgumentException>(() => JwtEncryptionKey.CreateAesKeyWrap(JweAlgorithm.Direct, JweEncryption.A128GCM, new byte[16]));
        Assert.Throws<ArgumentException>(() => JwtEncryptionKey.FromRsa(JweTestKit.Rsa, JweAlgorithm.A128KW, JweEncryption.A128GCM));
        Assert.Throws<ArgumentException>(() => JwtEncryptionKey.CreateDirect((JweEncryption)99, new byte[16]));
        Assert.Throws<ArgumentException>(() => JwtEncryptionKey.CreateDirect(JweEncryption.A256CbcHS512, new byte[32]));
    }

    [Fact]
    public void Jwk_binds_alg_kid_and_the_requested_enc()
    {
        JwtEncryptionKey key = JwtEncryptionKey.FromJwk($$"""{"kty":"oct","alg":"A128KW","use":"enc","kid":"w","k":"{{Oct16}}"}""", JweEncryption.A256CbcHS512);

        Assert.Equal((JweAlgorithm.A128KW, JweEncryption.A256CbcHS512, "w"), (key.Algorithm, key.Encryption, key.KeyId));
    }

    [Fact]
    public void A_public_rsa_jwk_encrypts_but_does_not_decrypt()
    {
        RSAParameters p = JweTestKit.Rsa.ExportParameters(false);
        string jwk = $$"""{"kty":"RSA","alg":"RSA-OAEP-256","n":"{{JweTestKit.Base64Url(p.Modulus!)}}","e":"{{JweTestKit.Base64Url(p.Exponent!)}}"}""";

        JwtEncryptionKey key = JwtEncryptionKey.FromJwk(jwk, JweEncryption.A128GCM);

        Assert.False(key.CanDecrypt);
        Assert.Equal(JweAlgorithm.RsaOaep256, key.Algorithm);
    }
}
