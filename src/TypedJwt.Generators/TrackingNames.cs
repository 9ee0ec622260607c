namespace TypedJwt.Generators;

/// <summary>Names of the generator's pipeline steps, so tests can assert how each step ran (cached, unchanged, modified).</summary>
internal static class TrackingNames
{
    public const string PayloadSpecs = nameof(PayloadSpecs);
    public const string HeaderSpecs = nameof(HeaderSpecs);
    public const string ValidPayloadSpecs = nameof(ValidPayloadSpecs);
    public const string ValidHeaderSpecs = nameof(ValidHeaderSpecs);
}
