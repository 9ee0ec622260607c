using BenchmarkDotNet.Configs;

namespace TypedJwt.Benchmarks.Harness;

/// <summary>The scenario classes' extra columns: each benchmark's median against IdentityModel, the floors (HS256 also the reused-HMAC floor and the floor with System.Text.Json's reader or writer) and the bare primitive.</summary>
internal sealed class ScenarioConfig : ManualConfig
{
    public ScenarioConfig()
    {
        AddColumn(
            new RatioColumn("IdentityModel", "×IdentityModel"),
            new RatioColumn("Floor", "×Floor"),
            new RatioColumn("FloorReusedHmac", "×FloorReused"),
            new RatioColumn("FloorJson", "×FloorJson"),
            new RatioColumn("Primitive", "×Primitive"));
    }
}
