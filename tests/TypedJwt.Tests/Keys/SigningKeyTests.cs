using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TypedJwt.Tests.Keys;

/// <summary>Creation rules and sign/verify behaviour of the three key families, made through the factories.</summary>
public class SigningKeyTests
{
    private static readonly byte[] Input = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9");

    [Theory]
    [InlineData(JwsAlgorithm.HS256, 32)]
    [InlineData(JwsAlgorithm.HS384, 48)]
    [InlineData(JwsAlgorithm.HS512, 64)]
    public void Hmac_key_shorter_than_the_hash_is_refused(JwsAlgorithm algorithm, int required)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.CreateHmac(algorithm, new byte[required - 1]));
        Assert.Contains(algorithm.ToString(), e.Message);
        Assert.Contains($"{required} bytes", e.Message);

        JwtSigningKey key = JwtSigningKey.CreateHmac(algorithm, new byte[required]);
        Assert.Equal(required, key.SignatureSize);
    }

    [Fact]
    public void Hmac_key_bytes_are_copied()
    {
        byte[] secret = (byte[])TestKeys.Hmac256Secret.Clone();
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, secret);
        byte[] before = new byte[32];
        Assert.True(key.TrySign(Input, before, out _));

        secret[0] ^= 0xFF;
        Assert.True(key.Verify(Input, before));
    }

    [Fact]
    public void Hmac_signature_of_the_wrong_length_is_false()
    {
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, TestKeys.Hmac256Secret);
        byte[] signature = new byte[33];
        Assert.True(key.TrySign(Input, signature, out int written));
        Assert.Equal(32, written);
        Assert.True(key.Verify(Input, signature.AsSpan(0, 32)));
        Assert.False(key.Verify(Input, signature));
        Assert.False(key.Verify(Input, signature.AsSpan(0, 16)));
        Assert.False(key.Verify(Input, []));
    }

    [Theory]
    [InlineData(JwsAlgorithm.RS256)]
    [InlineData(JwsAlgorithm.ES256)]
    [InlineData(JwsAlgorithm.PS512)]
    public void CreateHmac_refuses_other_families(JwsAlgorithm algorithm)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.CreateHmac(algorithm, new byte[64]));
        Assert.Equal("algorithm", e.ParamName);
    }

    [Fact]
    public void FromRsa_and_FromECDsa_refuse_other_families()
    {
        using RSA rsa = RSA.Create();
        rsa.ImportParameters(RsaPublicParameters());
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromRsa(rsa, JwsAlgorithm.HS256));
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromRsa(rsa, JwsAlgorithm.ES256));
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromRsa(rsa, (JwsAlgorithm)99));

        using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.RS256));
        Assert.Throws<ArgumentException>(() => JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.HS256));
    }

    [Fact]
    public void Rsa_modulus_under_2048_bits_is_refused()
    {
        using RSA rsa = RSA.Create(1024);
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromRsa(rsa, JwsAlgorithm.RS256));
        Assert.Contains("2048", e.Message);
        Assert.Contains("1024", e.Message);
    }

    [Theory]
    [InlineData(JwsAlgorithm.ES256, "nistP384")]
    [InlineData(JwsAlgorithm.ES384, "nistP256")]
    [InlineData(JwsAlgorithm.ES512, "nistP256")]
    [InlineData(JwsAlgorithm.ES256, "nistP521")]
    public void Ecdsa_key_on_another_curve_is_refused(JwsAlgorithm algorithm, string curve)
    {
        using ECDsa ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        ArgumentException e = Assert.Throws<ArgumentException>(() => JwtSigningKey.FromECDsa(ecdsa, algorithm));
        Assert.Contains("curve", e.Message);
    }

    [Theory]
    [InlineData(JwsAlgorithm.ES256, "nistP256", 64)]
    [InlineData(JwsAlgorithm.ES384, "nistP384", 96)]
    [InlineData(JwsAlgorithm.ES512, "nistP521", 132)]
    public void Ecdsa_signature_is_fixed_length_r_and_s(JwsAlgorithm algorithm, string curve, int size)
    {
        using ECDsa ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        JwtSigningKey key = JwtSigningKey.FromECDsa(ecdsa, algorithm, "ec-1");
        Assert.True(key.CanSign);
        Assert.Equal(size, key.SignatureSize);
        Assert.Equal("ec-1", key.KeyId);

        byte[] signature = new byte[size + 1];
        Assert.True(key.TrySign(Input, signature, out int written));
        Assert.Equal(size, written);
        Assert.True(key.Verify(Input, signature.AsSpan(0, size)));
        Assert.False(key.Verify(Input, signature));

        // The DER encoding of the same signature is not a JWS signature.
        byte[] der = ecdsa.SignData(Input, HashOf(algorithm), DSASignatureFormat.Rfc3279DerSequence);
        Assert.False(key.Verify(Input, der));
    }

    [Theory]
    [InlineData(JwsAlgorithm.HS256)]
    [InlineData(JwsAlgorithm.RS256)]
    [InlineData(JwsAlgorithm.PS384)]
    [InlineData(JwsAlgorithm.ES256)]
    public void TrySign_returns_false_when_the_destination_is_too_small(JwsAlgorithm algorithm)
    {
        JwtSigningKey key = PrivateKey(algorithm);
        byte[] destination = new byte[key.SignatureSize - 1];
        Assert.False(key.TrySign(Input, destination, out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Public_only_keys_verify_but_cannot_sign()
    {
        using RSA rsa = RSA.Create();
        rsa.ImportParameters(RsaPublicParameters());
        JwtSigningKey rsaKey = JwtSigningKey.FromRsa(rsa, JwsAlgorithm.RS256);
        Assert.False(rsaKey.CanSign);
        Assert.Throws<InvalidOperationException>(() => rsaKey.TrySign(Input, new byte[256], out _));

        using ECDsa ecdsa = ECDsa.Create();
        ecdsa.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = PrivateEcdsaPublicPoint() });
        JwtSigningKey ecKey = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256);
        Assert.False(ecKey.CanSign);
        Assert.Throws<InvalidOperationException>(() => ecKey.TrySign(Input, new byte[64], out _));

        JwtSigningKey fromJwk = TestKeys.Load(TestKeys.RsaPublicJwk, "PS256");
        Assert.False(fromJwk.CanSign);
        Assert.Throws<InvalidOperationException>(() => fromJwk.TrySign(Input, new byte[256], out _));
    }

    [Fact]
    public void FromRsa_with_a_private_key_can_sign()
    {
        using RSA rsa = RSA.Create();
        rsa.ImportParameters(RsaPublicParameters());
        JwtSigningKey jwkKey = TestKeys.Load(TestKeys.RsaPrivateJwk, "RS256");
        byte[] signature = new byte[256];
        Assert.True(jwkKey.TrySign(Input, signature, out _));

        // A caller's RSA whose private half is present is detected as able to sign.
        using RSA generated = RSA.Create(2048);
        JwtSigningKey key = JwtSigningKey.FromRsa(generated, JwsAlgorithm.RS384, "rsa-1");
        Assert.True(key.CanSign);
        Assert.True(key.TrySign(Input, signature, out int written));
        Assert.Equal(256, written);
        Assert.True(key.Verify(Input, signature));
        Assert.False(key.Verify(Input, signature.AsSpan(0, 255)));
    }

    [Fact]
    public void Ordinary_rsa_moduli_do_not_match_the_roca_fingerprint()
    {
        Assert.False(RsaRocaFingerprint.IsFingerprinted(TestKeys.FromBase64Url((string)TestKeys.RsaPublicJwk["n"]!)));
        for (int i = 0; i < 3; i++)
        {
            using RSA rsa = RSA.Create(2048);
            Assert.False(RsaRocaFingerprint.IsFingerprinted(rsa.ExportParameters(false).Modulus));
        }

        // A product of powers of 65537 modulo every fingerprint prime is exactly what the check looks for.
        Assert.True(RsaRocaFingerprint.IsFingerprinted([0x01, 0x00, 0x01]));
    }

    [Fact]
    public void Rsa_verify_never_throws_for_garbage()
    {
        JwtSigningKey key = TestKeys.Load(TestKeys.RsaPublicJwk, "RS256");
        byte[] allOnes = Enumerable.Repeat((byte)0xFF, 256).ToArray();
        Assert.False(key.Verify(Input, allOnes));
        Assert.False(key.Verify(Input, new byte[256]));
        Assert.False(key.Verify(Input, new byte[512]));
    }

    [Fact]
    public void Public_jwk_round_trips_and_carries_no_private_members()
    {
        foreach (JwtSigningKey key in new[] { TestKeys.Load(TestKeys.RsaPrivateJwk, "RS256", "r1"), TestKeys.Load(TestKeys.EcP521PrivateJwk, "ES512", "e1") })
        {
            string json = key.ToPublicJwk();
            JsonObject jwk = JsonNode.Parse(json)!.AsObject();
            Assert.Null(jwk["d"]);
            Assert.Null(jwk["p"]);
            Assert.Equal(key.KeyId, (string?)jwk["kid"]);
            Assert.Equal(JwsAlgorithmNames.GetName(key.Algorithm), (string?)jwk["alg"]);
            Assert.Equal("sig", (string?)jwk["use"]);

            JwtSigningKey publicKey = JwtSigningKey.FromJwk(json);
            Assert.False(publicKey.CanSign);
            byte[] signature = new byte[key.SignatureSize];
            Assert.True(key.TrySign(Input, signature, out _));
            Assert.True(publicKey.Verify(Input, signature));
        }

        JsonObject ec = JsonNode.Parse(TestKeys.Load(TestKeys.EcP521PrivateJwk, "ES512").ToPublicJwk())!.AsObject();
        Assert.Equal((string?)TestKeys.EcP521PrivateJwk["x"], (string?)ec["x"]);
        Assert.Equal((string?)TestKeys.EcP521PrivateJwk["y"], (string?)ec["y"]);
    }

    [Fact]
    public void Hmac_key_has_no_public_jwk()
    {
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, TestKeys.Hmac256Secret);
        Assert.Throws<InvalidOperationException>(() => key.ToPublicJwk());
    }

    internal static JwtSigningKey PrivateKey(JwsAlgorithm algorithm) => JwsAlgorithmNames.GetName(algorithm)[0] switch
    {
        'H' => JwtSigningKey.CreateHmac(algorithm, new byte[64]),
        'E' => TestKeys.Load(TestKeys.EcP256PrivateJwk, "ES256"),
        _ => TestKeys.Load(TestKeys.RsaPrivateJwk, JwsAlgorithmNames.GetName(algorithm)),
    };

    private static HashAlgorithmName HashOf(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.ES256 => HashAlgorithmName.SHA256,
        JwsAlgorithm.ES384 => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    private static RSAParameters RsaPublicParameters() => new()
    {
        Modulus = TestKeys.FromBase64Url((string)TestKeys.RsaPublicJwk["n"]!),
        Exponent = TestKeys.FromBase64Url((string)TestKeys.RsaPublicJwk["e"]!),
    };

    private static ECPoint PrivateEcdsaPublicPoint() => new()
    {
        X = TestKeys.FromBase64Url((string)TestKeys.EcP256PrivateJwk["x"]!),
        Y = TestKeys.FromBase64Url((string)TestKeys.EcP256PrivateJwk["y"]!),
    };
}
