using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using TypedJwt.Tests.Vectors;

namespace TypedJwt.Tests.Keys;

/// <summary>Keys shared by the key tests, taken from RFC 7515 Appendix A so no test spends time generating RSA keys.</summary>
internal static class TestKeys
{
    private static readonly Lazy<JsonArray> Rfc7515Cases = new(() =>
        JsonNode.Parse(File.ReadAllText(VectorFiles.Rfc("rfc7515_appendixA.json")))!["cases"]!.AsArray());

    /// <summary>The RFC 7515 A.2 RSA key (2048 bits, private) as a JWK object without <c>alg</c>.</summary>
    internal static JsonObject RsaPrivateJwk => Rfc7515Key("rfc7515-A.2", "key");

    internal static JsonObject RsaPublicJwk => Rfc7515Key("rfc7515-A.2", "verify_key");

    /// <summary>The RFC 7515 A.3 P-256 key (private) as a JWK object without <c>alg</c>.</summary>
    internal static JsonObject EcP256PrivateJwk => Rfc7515Key("rfc7515-A.3", "key");

    internal static JsonObject EcP521PrivateJwk => Rfc7515Key("rfc7515-A.4", "key");

    internal static JsonObject Rfc7515Case(string id) =>
        Rfc7515Cases.Value.Single(c => (string?)c!["id"] == id)!.AsObject();

    internal static JsonObject Rfc7515Key(string id, string member) => Rfc7515Case(id)[member]!.DeepClone().AsObject();

    /// <summary>A copy of <paramref name="jwk"/> with <paramref name="member"/> set (or removed when null).</summary>
    internal static string With(this JsonObject jwk, string member, JsonNode? value)
    {
        JsonObject copy = jwk.DeepClone().AsObject();
        if (value is null)
        {
            copy.Remove(member);
        }
        else
        {
            copy[member] = value;
        }

        return copy.ToJsonString();
    }

    internal static JwtSigningKey Load(JsonObject jwk, string alg, string? kid = null)
    {
        JsonObject copy = jwk.DeepClone().AsObject();
        copy["alg"] = alg;
        if (kid is not null)
        {
            copy["kid"] = kid;
        }

        return JwtSigningKey.FromJwk(copy.ToJsonString());
    }

    internal static byte[] Hmac256Secret { get; } = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    internal static byte[] FromBase64Url(string text) => Base64Url.DecodeFromChars(text);

    internal static string ToBase64Url(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
