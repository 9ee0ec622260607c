using System.Text.Json;
using TypedJwt.Tests.Support;
using TypedJwt.Tests.Vectors;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// JSONTestSuite's parsing cases as signed payloads: the validator never throws; every n_ case is rejected; a y_ case is
/// accepted exactly when it is a JSON object without duplicate member names (a JWT Claims Set is an object, and
/// TypedJwt rejects duplicates, which RFC 8259 merely discourages). i_ cases only have to be handled without throwing.
/// </summary>
public class JsonTestSuiteTests
{
    private static readonly JwtValidationPolicy Lenient = new()
    {
        SkipIssuerValidation = true,
        SkipAudienceValidation = true,
        RequireExpirationTime = false,
        MaxTokenLength = 1 << 20,
        MaxJsonDepth = 64,
    };

    public static TheoryData<string> Files => new(Directory.GetFiles(VectorFiles.Path("json-test-suite", "test_parsing")).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Payload_is_judged_without_throwing(string file)
    {
        byte[] content = File.ReadAllBytes(VectorFiles.Path("json-test-suite", "test_parsing", file));
        var validator = new JwtValidator<AnyClaims>(Key, Lenient);
        string token = HandMadeToken.Sign("""{"alg":"HS256","kid":"k1"}""", content, Key);

        JwtError checkedOnly = validator.Validate(token);
        bool materialized = validator.TryValidate(token, out _, out JwtError error);

        Assert.Equal(checkedOnly, error);
        Assert.Equal(checkedOnly.IsNone, materialized);
        if (file.StartsWith("n_", StringComparison.Ordinal))
        {
            Assert.False(materialized, "accepted invalid JSON");
        }
        else if (file.StartsWith("y_", StringComparison.Ordinal))
        {
            Assert.Equal(IsObjectWithUniqueNames(content), materialized);
        }
    }

    private static bool IsObjectWithUniqueNames(byte[] content)
    {
        using JsonDocument document = JsonDocument.Parse(content);
        return document.RootElement.ValueKind == JsonValueKind.Object && HasUniqueNames(document.RootElement);
    }

    private static bool HasUniqueNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() == element.EnumerateObject().Count()
            && element.EnumerateObject().All(p => HasUniqueNames(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(HasUniqueNames),
        _ => true,
    };
}
