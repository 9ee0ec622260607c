using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Jws;
using TypedJwt.Tests.Keys;

namespace TypedJwt.Tests.Dpop;

/// <summary>
/// DPoP proofs through the token mutation harness (<see cref="MutatedInputTests"/>'s seeded edits): headers and payloads
/// mutated, then signed with the proof key so they reach the readers; and whole proofs mutated after signing. Nothing
/// throws, and a proof is accepted only when what was checked still holds (RFC 9449 §4.3): the method, the URI, the
/// thumbprint of the signing key.
/// </summary>
public sealed class DpopMutatedProofTests
{
    private const int Mutations = 2000;
    private static readonly Uri RequestUri = new("https://api.example.com/me");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly JwtSigningKey _key = JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256);

    [Fact]
    public void Rfc9449_4_3_MutatedHeadersAndPayloads_NeverThrow_AndAreAcceptedOnlyWhenStillValid()
    {
        var validator = new DpopProofValidator(new DpopProofValidationOptions { TimeProvider = _time });
        string thumbprint = JwkThumbprint.ComputeSha256(_key);
        var request = new DpopRequest("GET", RequestUri, "access.token", thumbprint);
        byte[] header = Encoding.UTF8.GetBytes(new JsonObject { ["typ"] = "dpop+jwt", ["alg"] = "ES256", ["jwk"] = DpopProofValidatorTests.PublicJwk(_key) }.ToJsonString());
        byte[] payload = Encoding.UTF8.GetBytes(
            $$"""{"jti":"j-1","htm":"GET","htu":"https://api.example.com/me","iat":{{_time.GetUtcNow().ToUnixTimeSeconds()}},"ath":"{{DpopProofWriter.HashAccessToken("access.token")}}","nonce":"n"}""");
        Assert.True(validator.TryValidate(Sign(header, payload), in request, out _, out JwtError seedError), seedError.Message);

        var random = new Random(20261202);
        int accepted = 0;
        for (int i = 0; i < Mutations; i++)
        {
            bool mutateHeader = (i & 1) == 0;
            byte[] mutated = MutatedInputTests.Mutate(mutateHeader ? header : payload, random);
            string proof = mutateHeader ? Sign(mutated, payload) : Sign(header, mutated);
            MutatedInputTests.Judge(mutated, () =>
            {
                if (validator.TryValidate(proof, in request, out ValidatedDpopProof? validated, out JwtError error))
                {
                    accepted++;
                    Assert.Equal("GET", validated.Payload.HttpMethod);
                    Assert.Equal(thumbprint, validated.JwkThumbprint);
                    Assert.Equal(JwsAlgorithm.ES256, validated.Algorithm);
                }
                else
                {
                    Assert.Null(validated);
                    Assert.NotEqual(JwtErrorCode.None, error.Code);
                }
            });
        }

        // Some edits keep a valid proof (in an unknown member, in jti or nonce): the harness reaches the accepting path too.
        Assert.InRange(accepted, 1, Mutations - 1);
    }

    [Fact]
    public void Rfc9449_4_3_ProofsMutatedAfterSigning_AreNeverAccepted_UnlessUnchanged()
    {
        var validator = new DpopProofValidator(new DpopProofValidationOptions { TimeProvider = _time });
        string proof = DpopProofWriter.Write(_key, "GET", RequestUri.ToString(), issuedAt: _time.GetUtcNow());
        byte[] seed = Encoding.ASCII.GetBytes(proof);
        var random = new Random(7);
        for (int i = 0; i < Mutations; i++)
        {
            byte[] mutated = MutatedInputTests.Mutate(seed, random);
            MutatedInputTests.Judge(mutated, () =>
            {
                bool ok = validator.TryValidate(Encoding.Latin1.GetString(mutated), new DpopRequest("GET", RequestUri), out _, out _);
                // ECDSA signatures are checked over the exact signing input; only an edit that restores the bytes passes.
                Assert.Equal(mutated.AsSpan().SequenceEqual(seed), ok);
            });
        }
    }

    private string Sign(byte[] header, byte[] payload)
    {
        string signingInput = TestKeys.ToBase64Url(header) + "." + TestKeys.ToBase64Url(payload);
        byte[] signature = new byte[_key.SignatureSize];
        Assert.True(_key.TrySign(Encoding.ASCII.GetBytes(signingInput), signature, out int written));
        return signingInput + "." + TestKeys.ToBase64Url(signature.AsSpan(0, written));
    }
}
