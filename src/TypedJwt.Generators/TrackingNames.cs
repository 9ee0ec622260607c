namespace TypedJwt.Generators;

/// <summary>Names of the generator's pipeline steps, so tests can assert how each step ran (cached, unchanged, modified).</summary>
internal static class TrackingNames
{
    /// <summary>The <c>TypedJwtNamingPolicy</c> MSBuild property, read from the global analyzer-config options.</summary>
    public const string DefaultNamingPolicy = nameof(DefaultNamingPolicy);

    /// <summary>The syntax step: a type's claims read, not yet named (null when a check independent of names fails).</summary>
    public const string PayloadDrafts = nameof(PayloadDrafts);
    public const string HeaderDrafts = nameof(HeaderDrafts);

    /// <summary>Each draft paired with the project's default naming policy.</summary>
    public const string PayloadDraftsWithNamingPolicy = nameof(PayloadDraftsWithNamingPolicy);
    public const string HeaderDraftsWithNamingPolicy = nameof(HeaderDraftsWithNamingPolicy);

    /// <summary>Claims named and the name checks run (null when a name is unusable).</summary>
    public const string ResolvedPayloadSpecs = nameof(ResolvedPayloadSpecs);
    public const string ResolvedHeaderSpecs = nameof(ResolvedHeaderSpecs);

    /// <summary>The specs the emitter writes.</summary>
    public const string ValidPayloadSpecs = nameof(ValidPayloadSpecs);
    public const string ValidHeaderSpecs = nameof(ValidHeaderSpecs);
}
