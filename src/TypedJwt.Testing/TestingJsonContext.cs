using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TypedJwt.Testing;

/// <summary>Source-generated JSON metadata for the in-memory provider's discovery document.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestingJsonContext : JsonSerializerContext
{
}
