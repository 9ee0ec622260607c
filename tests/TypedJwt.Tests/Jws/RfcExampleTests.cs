using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Support;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Jws;

/// <summary>RFC 7515 Appendix A and RFC 7519 §3.1/§6.1/A.1/A.2 tokens, validated through the public API.</summary>
public class RfcExampleTests
{
    // Every RFC example token carries exp 1300819380 (2011-03-22T18:43:00Z).
    private static readonly DateTimeOffset Expiry = DateTimeOffset.FromUnixTimeSeconds(1300819380);

    public static TheoryData<string, string> SignedExamples => new()
    {
        { "rfc7515_appendixA.json", "rfc7515-A.1" },
        { "rfc7515_appendixA.json", "rfc7515-A.2" },
        { "rfc7515_appendixA.json", "rfc7515-A.3" },
        { "rfc7519_examples.json", "rfc7519-3.1" },
    };

    [Theory]
    [MemberData(nameof(SignedExamples))]
    public void Signed_example_validates_before_its_expiry(string file, string id)
    {
        JsonElement example = Case(file, id);
        var validator = new JwtValidator<AnyClaims>(KeyOf(example), PolicyAt(Expiry.AddMinutes(-5)));

        Assert.True(validator.TryValidate(example.GetProperty("token").GetString(), out AnyClaims? claims, out JwtError error), error.Message);
        Assert.NotNull(claims);
    }

    [Theory]
    [MemberData(nameof(SignedExamples))]
    public void Signed_example_is_expired_after_exp_plus_leeway(string file, string id)
    {
        JsonElement example = Case(file, id);
        var validator = new JwtValidator<AnyClaims>(KeyOf(example), PolicyAt(Expiry + JwtValidationPolicy.DefaultLeeway));

        Assert.Equal(JwtError.Create(JwtErrorCode.Expired, "exp"), validator.Validate(example.GetProperty("token").GetString()));
    }

    [Theory]
    [MemberData(nameof(SignedExamples))]
    public void Signed_example_with_one_flipped_signature_bit_is_forged_not_expired(string file, string id)
    {
        JsonElement example = Case(file, id);
        string token = example.GetProperty("token").GetString()!;
        char last = token[^2];
        string forged = token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];
        var validator = new JwtValidator<AnyClaims>(KeyOf(example), PolicyAt(Expiry.AddYears(10)));

        Assert.Equal(JwtErrorCode.InvalidSignature, validator.Validate(forged).Code);
    }

    [Fact]
    public void Es512_example_verifies_and_its_non_json_payload_is_then_refused()
    {
        // RFC 7515 A.4 signs the bytes "Payload", which is not a JWT Claims Set: the signature passes, the payload does not.
        JsonElement example = Case("rfc7515_appendixA.json", "rfc7515-A.4");
        var validator = new JwtValidator<AnyClaims>(KeyOf(example), PolicyAt(Expiry));

        Assert.Equal(JwtError.Create(JwtErrorCode.MalformedJson, "payload"), validator.Validate(example.GetProperty("token").GetString()));
    }

    [Theory]
    [InlineData("rfc7515_appendixA.json", "rfc7515-A.5")]
    [InlineData("rfc7519_examples.json", "rfc7519-6.1")]
    public void Unsecured_example_is_never_accepted(string file, string id)
    {
        JsonElement example = Case(file, id);
        JwtSigningKey key = KeyOf(Case("rfc7515_appendixA.json", "rfc7515-A.1"));
        var validator = new JwtValidator<AnyClaims>(key, PolicyAt(Expiry.AddMinutes(-5)));

        Assert.Equal(JwtError.Create(JwtErrorCode.UnsecuredTokenRejected, "alg"), validator.Validate(example.GetProperty("token").GetString()));
    }

    [Theory]
    [InlineData("rfc7519-A.1")]
    [InlineData("rfc7519-A.2")]
    public void Encrypted_example_is_not_taken_for_a_signed_token(string id)
    {
        JsonElement example = Case("rfc7519_examples.json", id);
        JwtSigningKey key = KeyOf(Case("rfc7515_appendixA.json", "rfc7515-A.1"));
        var validator = new JwtValidator<AnyClaims>(key, PolicyAt(Expiry.AddMinutes(-5)));

        Assert.Equal(JwtErrorCode.EncryptedTokenNotExpected, validator.Validate(example.GetProperty("token").GetString()).Code);
    }

    internal static JsonElement Case(string file, string id)
    {
        using JsonDocument document = VectorFiles.Load(VectorFiles.Rfc(file));
        foreach (JsonElement example in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (example.GetProperty("id").GetString() == id)
            {
                return example.Clone();
            }
        }

        throw new InvalidOperationException($"{id} not found in {file}");
    }

    // The RFC keys carry no "alg"; TypedJwt binds every key to one, so the test states the example's algorithm.
    internal static JwtSigningKey KeyOf(JsonElement example)
    {
        JsonObject jwk = JsonNode.Parse(example.GetProperty("key").GetRawText())!.AsObject();
        jwk["alg"] = example.GetProperty("alg").GetString();
        return JwtSigningKey.FromJwk(jwk.ToJsonString());
    }

    private static JwtValidationPolicy PolicyAt(DateTimeOffset now) => new()
    {
        ValidIssuers = ["joe"],
        SkipAudienceValidation = true,
        TimeProvider = new FakeTimeProvider(now),
    };
}
