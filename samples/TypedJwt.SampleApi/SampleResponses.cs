using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TypedJwt.SampleApi;

/// <summary>The body of a refused login (RFC 6749 §5.2 names).</summary>
internal sealed record LoginError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description);

/// <summary>The body of <c>GET /admin</c>.</summary>
internal sealed record AdminGreeting(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("sub")] string Subject,
    [property: JsonPropertyName("roles")] ImmutableArray<string> Roles);

/// <summary>
/// System.Text.Json's source-generated metadata for the sample's own request and response bodies, so the sample needs no
/// reflection and publishes with NativeAOT without warnings (the token claims use TypedJwt's generated serializer).
/// </summary>
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginError))]
[JsonSerializable(typeof(AdminGreeting))]
[JsonSerializable(typeof(string))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
internal sealed partial class SampleJsonContext : JsonSerializerContext
{
}
