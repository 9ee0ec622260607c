using System.Net;
using System.Text;
using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Contract;

/// <summary>
/// Algorithm confusion (RFC 8725 §2.1): an attacker takes the public key the API publishes and uses it as an HMAC secret
/// in an HS256 token with the key's kid. The key is bound to its asymmetric algorithm, so the token is refused as
/// <c>AlgorithmMismatch</c> before any signature is computed. Only asymmetric keys have a public key to abuse.
/// </summary>
public abstract class AlgorithmConfusionTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : SampleServer
{
    [Fact]
    public async Task HS256_signed_with_any_encoding_of_the_published_public_key_is_401()
    {
        Assert.True(server.Key.IsAsymmetric);
        string published = await (await server.Get("/.well-known/jwks.json", null)).Content.ReadAsStringAsync();
        byte[][] secrets = [.. server.Key.PublicKeyEncodings, Encoding.UTF8.GetBytes(published)];
        string expected = JwtError.Create(JwtErrorCode.AlgorithmMismatch).Message;

        foreach (byte[] secret in secrets)
        {
            string token = TokenForge.SignHs256(
                TokenForge.Header("HS256", server.Key.KeyId), TokenForge.Payload(server.Issuer, server.Audience, "admin", "[\"admin\",\"user\"]"), secret);

            using HttpResponseMessage response = await server.Get("/admin", token);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{expected}\"", SampleContractTests<TServer>.Challenge(response));
        }
    }
}

public sealed class KestrelRsaAlgorithmConfusionTests(KestrelRsaSample server) : AlgorithmConfusionTests<KestrelRsaSample>(server);

public sealed class KestrelEcAlgorithmConfusionTests(KestrelEcSample server) : AlgorithmConfusionTests<KestrelEcSample>(server);
