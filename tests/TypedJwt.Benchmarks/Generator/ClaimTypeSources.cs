using System.Text;

namespace TypedJwt.Benchmarks.Generator;

/// <summary>
/// The source of N claim types, once for TypedJwt (<c>[JwtPayload]</c>, <c>[JwtClaim]</c>) and once for the System.Text.Json
/// generator (the same records with <c>[JsonPropertyName]</c>, listed in one <c>JsonSerializerContext</c>). Both sets
/// have the same members of the same BCL types, so the two generators are given the same shapes to handle.
/// </summary>
internal static class ClaimTypeSources
{
    public static string TypedJwt(int count) => Records(count, attribute: "[global::TypedJwt.JwtPayload(TokenType = \"at+jwt\")]", claim: "global::TypedJwt.JwtClaim");

    public static string SystemTextJson(int count)
    {
        var source = new StringBuilder(Records(count, attribute: "", claim: "global::System.Text.Json.Serialization.JsonPropertyName"));
        source.AppendLine("namespace Bench;");
        for (int i = 0; i < count; i++)
        {
            source.AppendLine($"[global::System.Text.Json.Serialization.JsonSerializable(typeof(Claims{i}))]");
        }

        source.AppendLine("public sealed partial class BenchJsonContext : global::System.Text.Json.Serialization.JsonSerializerContext { }");
        return source.ToString();
    }

    /// <summary>A file no claim type depends on, in two spellings: an edit that a generator should not redo any work for.</summary>
    public static string Unrelated(int revision) =>
        $$"""
        namespace Bench;
        public static class Unrelated
        {
            public static int Answer() => {{revision}};
        }
        """;

    private static string Records(int count, string attribute, string claim)
    {
        var source = new StringBuilder();
        source.AppendLine("#nullable enable");
        source.AppendLine("using System;");
        source.AppendLine("using System.Collections.Immutable;");
        source.AppendLine("namespace Bench;");
        for (int i = 0; i < count; i++)
        {
            source.AppendLine($$"""
                {{attribute}}
                public sealed partial record Claims{{i}}
                {
                    [{{claim}}("iss")] public required string Issuer { get; init; }
                    [{{claim}}("sub")] public required string Subject { get; init; }
                    [{{claim}}("exp")] public required DateTimeOffset ExpiresAt { get; init; }
                    [{{claim}}("iat")] public DateTimeOffset? IssuedAt { get; init; }
                    [{{claim}}("jti")] public Guid TokenId { get; init; }
                    [{{claim}}("name")] public string? Name { get; init; }
                    [{{claim}}("roles")] public ImmutableArray<string> Roles { get; init; }
                    [{{claim}}("level{{i}}")] public int Level { get; init; }
                    [{{claim}}("score")] public double Score { get; init; }
                    [{{claim}}("admin")] public bool Admin { get; init; }
                }
                """);
        }

        return source.ToString();
    }
}
