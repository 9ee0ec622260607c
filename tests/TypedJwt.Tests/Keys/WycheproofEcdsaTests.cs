using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Keys;

/// <summary>ES256/384/512 verification against Wycheproof's P1363 (R || S) vectors, the JWS signature encoding.</summary>
public class WycheproofEcdsaTests
{
    [Theory]
    [InlineData("ecdsa_secp256r1_sha256_p1363_test.json", JwsAlgorithm.ES256, 32, 262)]
    [InlineData("ecdsa_secp384r1_sha384_p1363_test.json", JwsAlgorithm.ES384, 48, 280)]
    [InlineData("ecdsa_secp521r1_sha512_p1363_test.json", JwsAlgorithm.ES512, 66, 318)]
    public void Every_case_matches_its_label(string file, JwsAlgorithm algorithm, int fieldSize, int cases)
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Wycheproof(file));
        var results = new WycheproofResults();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            JwtSigningKey key = LoadPublicKey(group, algorithm, fieldSize);
            Assert.False(key.CanSign);
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] message = Convert.FromHexString(test.GetProperty("msg").GetString()!);
                byte[] signature = Convert.FromHexString(test.GetProperty("sig").GetString()!);

                // These files have no "acceptable" cases; anything but "valid" must be rejected.
                bool valid = test.GetProperty("result").GetString() == "valid";
                results.Expect(test.GetProperty("tcId").GetInt32(), valid, key.Verify(message, signature));
            }
        }

        results.AssertAllPassed(file, cases);
    }

    private static JwtSigningKey LoadPublicKey(JsonElement group, JwsAlgorithm algorithm, int fieldSize)
    {
        if (group.TryGetProperty("publicKeyJwk", out JsonElement jwkElement))
        {
            // Wycheproof's JWKs carry no "alg"; TypedJwt requires it, so the test binds the key to the file's algorithm.
            JsonObject jwk = JsonNode.Parse(jwkElement.GetRawText())!.AsObject();
            jwk["alg"] = JwsAlgorithmNames.GetName(algorithm);
            return JwtSigningKey.FromJwk(jwk.ToJsonString());
        }

        // Groups without a JWK give the point as hex integers, which may carry a sign byte or drop leading zeros.
        JsonElement publicKey = group.GetProperty("publicKey");
        var parameters = new ECParameters
        {
            Curve = algorithm switch
            {
                JwsAlgorithm.ES256 => ECCurve.NamedCurves.nistP256,
                JwsAlgorithm.ES384 => ECCurve.NamedCurves.nistP384,
                _ => ECCurve.NamedCurves.nistP521,
            },
            Q = new ECPoint
            {
                X = ToFieldLength(publicKey.GetProperty("wx").GetString()!, fieldSize),
                Y = ToFieldLength(publicKey.GetProperty("wy").GetString()!, fieldSize),
            },
        };
        return JwtSigningKey.FromECDsa(ECDsa.Create(parameters), algorithm);
    }

    private static byte[] ToFieldLength(string hex, int fieldSize)
    {
        byte[] value = Convert.FromHexString(hex.Length % 2 == 0 ? hex : "0" + hex);
        int start = Array.FindIndex(value, b => b != 0);
        ReadOnlySpan<byte> trimmed = start < 0 ? [] : value.AsSpan(start);
        Assert.True(trimmed.Length <= fieldSize, "coordinate longer than the field");
        byte[] result = new byte[fieldSize];
        trimmed.CopyTo(result.AsSpan(fieldSize - trimmed.Length));
        return result;
    }
}
