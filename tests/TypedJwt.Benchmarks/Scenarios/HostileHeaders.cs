using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TypedJwt.Benchmarks.Harness;

namespace TypedJwt.Benchmarks.Scenarios;

/// <summary>
/// Work an unauthenticated sender can cause (security review finding F3): HS256 tokens of one length (about 7.5 KB) whose
/// JOSE header is shaped to make the strict read expensive, against benign tokens of the same length, all through
/// <see cref="JwtValidator{TPayload}.Validate(ReadOnlySpan{byte})"/>. Every token is signed with a key the validator does
/// not have, so each is read up to the signature check and refused there: the header (read in full before any key is
/// used), the base64url of all three segments and the MAC over the whole signing input. That is what anyone can send.
/// The policy allows the deepest JSON a policy can (<see cref="JwtValidationPolicy.MaxJsonDepthLimit"/>). Ratios are
/// against <c>Validate_Benign</c> (<c>×Benign</c>); run with <c>--paired HostileHeaders</c> for interleaved ratios.
/// The <c>tokenize</c> rows read each decoded header with <see cref="Utf8JsonReader"/> alone, checking nothing: the part of a
/// ratio that any tokenizing reader pays for the shape, whatever it checks. Setup checks that every token is what its row
/// says (accepted when signed with the right key, refused for its signature otherwise, a repeated name found, the
/// nesting at the limit), so a scenario that stopped exercising its shape fails the run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[CategoriesColumn]
public class HostileHeaders
{
    private const string Validate = JwsScenario.Validate;
    private const string Tokenize = "tokenize";

    // Decoded header length shared by every header-shaped token: a multiple of 3, so base64url pads nothing, and the
    // token comes to about 7.5 KB with the access token's payload.
    private const int HeaderLength = 5280;
    private const int MemberCount = 700;
    private const string Prefix = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + ScenarioKeys.KeyId + "\"";

    private JwtValidator<AccessToken> _validator = null!;
    private Shape _benign = null!;
    private Shape _benignPayload = null!;
    private Shape _manyHeaderMembers = null!;
    private Shape _manyNestedMembers = null!;
    private Shape _deepObjects = null!;
    private Shape _deepArrays = null!;
    private Shape _manyEmptyObjects = null!;

    private byte[] _rightKey = null!;
    private byte[] _wrongKey = null!;
    private string _payload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rightKey = RandomNumberGenerator.GetBytes(32);
        _wrongKey = RandomNumberGenerator.GetBytes(32);
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, _rightKey, ScenarioKeys.KeyId);
        JwtValidationPolicy policy = Policy();
        _validator = new JwtValidator<AccessToken>(key, policy);
        string token = JwsWriter.Write(new TokenClaims().ToTyped(), key);
        _payload = token.Split('.')[1];

        // Containers below the header object, which is depth 1: the chains in "x":[...] reach the limit exactly.
        int depth = JwtValidationPolicy.MaxJsonDepthLimit - 1;
        string[] names = [.. Names().Take(MemberCount)];
        string members = string.Concat(names.Select(n => $",\"{n}\":0"));
        string nested = ",\"x\":{" + string.Join(",", names.Select(n => $"\"{n}\":0")) + "}";

        _benign = Build(Pad(Prefix), nameof(Validate_Benign));
        _manyHeaderMembers = Build(Pad(Prefix + members), nameof(Validate_ManyHeaderMembers), JwtErrorCode.TooManyHeaderParameters);
        _manyNestedMembers = Build(Pad(Prefix + nested), nameof(Validate_ManyNestedMembers));
        _deepObjects = Build(Pad(Prefix + ",\"x\":[" + Repeat(ObjectChain(depth - 1), ",", HeaderLength - 100) + "]"), nameof(Validate_DeepObjects));
        _deepArrays = Build(Pad(Prefix + ",\"x\":[" + Repeat(ArrayChain(depth - 1), ",", HeaderLength - 100) + "]"), nameof(Validate_DeepArrays));
        string emptyObjects = "[" + string.Join(",", Enumerable.Repeat("{}", JwtReadOptions.DefaultMaxArrayLength)) + "]";
        _manyEmptyObjects = Build(Pad(Prefix + ",\"x\":[" + Repeat(emptyObjects, ",", HeaderLength - 100) + "]"), nameof(Validate_ManyEmptyObjects));
        _benignPayload = Check(Prefix + "}", BenignPayloadSigningInput(_benign.Token.Length), nameof(Validate_BenignPayload));

        // Each hostile shape is checked to be what its row says: every name is looked at (a repeat of the first name,
        // placed last, is a duplicate), and the nesting is at the limit (one level more is too deep).
        string duplicate = $",\"{names[0]}\":0";
        Require(Error(Pad(Prefix + members + duplicate), _wrongKey) is JwtErrorCode.DuplicateMember or JwtErrorCode.TooManyHeaderParameters,
            "a repeated top-level member was not found");
        Require(Error(Pad(Prefix + nested[..^1] + duplicate + "}"), _wrongKey) == JwtErrorCode.DuplicateMember, "a repeated nested member was not found");
        Require(Error(Pad(Prefix + ",\"x\":[" + ObjectChain(depth) + "]"), _wrongKey) == JwtErrorCode.JsonTooDeep, "objects one level deeper were not too deep");
        Require(Error(Pad(Prefix + ",\"x\":[" + ArrayChain(depth) + "]"), _wrongKey) == JwtErrorCode.JsonTooDeep, "arrays one level deeper were not too deep");
        foreach (Shape other in new[] { _benignPayload, _manyHeaderMembers, _manyNestedMembers, _deepObjects, _deepArrays, _manyEmptyObjects })
        {
            Require(other.Token.Length == _benign.Token.Length, $"a token is {other.Token.Length} bytes, the benign one {_benign.Token.Length}");
        }

        Require(_benign.Token.Length is > 7000 and < 8000, $"the tokens are {_benign.Token.Length} bytes");
        Require(Tokenize_Benign() == 10 && Tokenize_ManyHeaderMembers() > 2 * MemberCount, "the tokenizer floor read too few tokens");
    }

    /// <summary>One header parameter whose value is a long string: the same length, nothing to count.</summary>
    [Benchmark(Description = "benign: one long header string"), BenchmarkCategory(Validate)]
    public JwtError Validate_Benign() => _validator.Validate(_benign.Token);

    /// <summary>The short header and one unknown claim with a long string value: the same length, the same refusal.</summary>
    [Benchmark(Description = "benign: one long claim value (short header)"), BenchmarkCategory(Validate)]
    public JwtError Validate_BenignPayload() => _validator.Validate(_benignPayload.Token);

    /// <summary>700 distinct top-level header parameters. Refused with TooManyHeaderParameters once the header readers cap them.</summary>
    [Benchmark(Description = "700 distinct header parameters"), BenchmarkCategory(Validate)]
    public JwtError Validate_ManyHeaderMembers() => _validator.Validate(_manyHeaderMembers.Token);

    /// <summary>700 distinct members in one object, the value of an unknown header parameter: no parameter cap stops it.</summary>
    [Benchmark(Description = "700 distinct members in one nested object"), BenchmarkCategory(Validate)]
    public JwtError Validate_ManyNestedMembers() => _validator.Validate(_manyNestedMembers.Token);

    /// <summary>Chains of objects of one member each, to the depth limit, in an array: a name set per object.</summary>
    [Benchmark(Description = "objects nested to the depth limit, repeated"), BenchmarkCategory(Validate)]
    public JwtError Validate_DeepObjects() => _validator.Validate(_deepObjects.Token);

    /// <summary>Chains of arrays to the depth limit: nesting without names.</summary>
    [Benchmark(Description = "arrays nested to the depth limit, repeated"), BenchmarkCategory(Validate)]
    public JwtError Validate_DeepArrays() => _validator.Validate(_deepArrays.Token);

    /// <summary>Empty objects, 256 to an array: the most objects (each with its own name set) per byte.</summary>
    [Benchmark(Description = "empty objects, 256 per array"), BenchmarkCategory(Validate)]
    public JwtError Validate_ManyEmptyObjects() => _validator.Validate(_manyEmptyObjects.Token);

    [Benchmark(Description = "Utf8JsonReader alone, header: benign: one long header string"), BenchmarkCategory(Tokenize)]
    public int Tokenize_Benign() => TokenCount(_benign.Header);

    [Benchmark(Description = "Utf8JsonReader alone, header: benign: one long claim value (short header)"), BenchmarkCategory(Tokenize)]
    public int Tokenize_BenignPayload() => TokenCount(_benignPayload.Header);

    [Benchmark(Description = "Utf8JsonReader alone, header: 700 distinct header parameters"), BenchmarkCategory(Tokenize)]
    public int Tokenize_ManyHeaderMembers() => TokenCount(_manyHeaderMembers.Header);

    [Benchmark(Description = "Utf8JsonReader alone, header: 700 distinct members in one nested object"), BenchmarkCategory(Tokenize)]
    public int Tokenize_ManyNestedMembers() => TokenCount(_manyNestedMembers.Header);

    [Benchmark(Description = "Utf8JsonReader alone, header: objects nested to the depth limit, repeated"), BenchmarkCategory(Tokenize)]
    public int Tokenize_DeepObjects() => TokenCount(_deepObjects.Header);

    [Benchmark(Description = "Utf8JsonReader alone, header: arrays nested to the depth limit, repeated"), BenchmarkCategory(Tokenize)]
    public int Tokenize_DeepArrays() => TokenCount(_deepArrays.Header);

    [Benchmark(Description = "Utf8JsonReader alone, header: empty objects, 256 per array"), BenchmarkCategory(Tokenize)]
    public int Tokenize_ManyEmptyObjects() => TokenCount(_manyEmptyObjects.Header);

    private static JwtValidationPolicy Policy() => new()
    {
        ValidIssuers = [TokenClaims.Issuer],
        ValidAudiences = [TokenClaims.Audience],
        MaxJsonDepth = JwtValidationPolicy.MaxJsonDepthLimit,
    };

    // Two-character names first ("a0", "a1", ...), the shortest distinct names there are in quantity.
    private static IEnumerable<string> Names()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        foreach (char first in alphabet[..26])
        {
            foreach (char second in alphabet)
            {
                yield return $"{first}{second}";
            }
        }
    }

    private static string ObjectChain(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "0" + new string('}', depth);

    private static string ArrayChain(int depth) => new string('[', depth) + "0" + new string(']', depth);

    // As many copies of the element as fit in the length, joined by the separator.
    private static string Repeat(string element, string separator, int length) =>
        string.Join(separator, Enumerable.Repeat(element, (length + separator.Length) / (element.Length + separator.Length)));

    // Closes the header with one string parameter that brings it to the common length.
    private static string Pad(string header)
    {
        const string open = ",\"p\":\"";
        int fill = HeaderLength - header.Length - open.Length - 2;
        Require(fill >= 0, $"a header of {header.Length} characters does not fit in {HeaderLength}");
        return header + open + new string('a', fill) + "\"}";
    }

    // The token with the wrong key, after checking that the same token with the right key is accepted (or, for a shape the
    // header readers refuse before any key is used, refused with that error whatever the key).
    private Shape Build(string header, string row, JwtErrorCode? refusedAnyway = null)
    {
        Require(Encoding.UTF8.GetByteCount(header) == HeaderLength, "a header is not of the common length");
        return Check(header, Base64Url(Encoding.UTF8.GetBytes(header)) + "." + _payload, row, refusedAnyway);
    }

    private Shape Check(string header, string signingInput, string row, JwtErrorCode? refusedAnyway = null)
    {
        // A validator of its own: a token accepted by the measured one would put its header in the accepted-header cache.
        JwtError right = new JwtValidator<AccessToken>(JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, _rightKey, ScenarioKeys.KeyId), Policy())
            .Validate(Sign(signingInput, _rightKey));
        Require(right.IsNone || right.Code == refusedAnyway, $"{row}: signed with the right key, the token was refused: {right.Code}");
        byte[] token = Sign(signingInput, _wrongKey);
        JwtError wrong = _validator.Validate(token);
        Require(wrong.Code == JwtErrorCode.InvalidSignature || (right.Code == refusedAnyway && wrong.Code == refusedAnyway),
            $"{row}: signed with another key, the token was refused with {wrong.Code}");
        return new Shape(token, Encoding.UTF8.GetBytes(header));
    }

    private JwtErrorCode Error(string header, byte[] key) =>
        new JwtValidator<AccessToken>(JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, _rightKey, ScenarioKeys.KeyId), Policy())
            .Validate(Sign(Base64Url(Encoding.UTF8.GetBytes(header)) + "." + _payload, key)).Code;

    // The benign header and a payload lengthened by one unknown claim with a long string value, to the given token length.
    private string BenignPayloadSigningInput(int length)
    {
        string header = Base64Url(Encoding.UTF8.GetBytes(Prefix + "}"));
        string claims = Encoding.UTF8.GetString(Convert.FromBase64String(ToBase64(_payload)));
        for (int spaces = 0; spaces < 3; spaces++)
        {
            for (int fill = 0; fill < length; fill++)
            {
                string payload = claims[..^1] + new string(' ', spaces) + ",\"note\":\"" + new string('a', fill) + "\"}";
                string signingInput = header + "." + Base64Url(Encoding.UTF8.GetBytes(payload));
                if (signingInput.Length + 44 == length)
                {
                    return signingInput;
                }

                if (signingInput.Length + 44 > length)
                {
                    break;
                }
            }
        }

        throw new InvalidOperationException("Benchmark setup check failed: no payload gives a token of the common length.");
    }

    private static byte[] Sign(string signingInput, byte[] key) =>
        Encoding.ASCII.GetBytes(signingInput + "." + Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput))));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string ToBase64(string base64Url)
    {
        string padded = base64Url.Replace('-', '+').Replace('_', '/');
        return padded + new string('=', (4 - padded.Length % 4) % 4);
    }

    // The least any strict reader of the header does: every token read by System.Text.Json's reader, nothing looked at.
    private static int TokenCount(byte[] header)
    {
        var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = JwtValidationPolicy.MaxJsonDepthLimit });
        int count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup check failed: {what}.");
        }
    }

    // One token as sent (signed with the wrong key) and its decoded header.
    private sealed record Shape(byte[] Token, byte[] Header);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new RatioColumn("Benign", "×Benign"));
        }
    }
}
