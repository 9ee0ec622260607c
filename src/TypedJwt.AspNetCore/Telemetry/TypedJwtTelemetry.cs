using System.Diagnostics;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The names TypedJwt's telemetry is published under (docs/telemetry.md lists every instrument, tag and log event): one
/// <see cref="System.Diagnostics.Metrics.Meter"/> and one <see cref="System.Diagnostics.ActivitySource"/>, both named
/// <see cref="Name"/>. Subscribe with <c>AddMeter("TypedJwt")</c> and <c>AddSource("TypedJwt")</c> in OpenTelemetry.
/// </summary>
public static class TypedJwtTelemetry
{
    /// <summary>The meter's and the activity source's name: <c>TypedJwt</c>.</summary>
    public const string Name = "TypedJwt";

    /// <summary>Counter of tokens validated by a bearer scheme, tagged <c>typedjwt.scheme</c>, <c>typedjwt.result</c> and, on failure, <c>error.code</c>.</summary>
    public const string ValidationsInstrument = "typedjwt.token.validations";

    /// <summary>The source of the activities around remote key fetches.</summary>
    internal static readonly ActivitySource ActivitySource = new(Name);
}
