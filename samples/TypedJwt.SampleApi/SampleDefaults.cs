namespace TypedJwt.SampleApi;

/// <summary>The settings the sample starts with when configuration names none (documented in the README).</summary>
internal static class SampleDefaults
{
    public const string Issuer = "https://typedjwt.sample";
    public const string Audience = "typedjwt-sample-api";
    public const string ConfigurationSection = "Jwt";
    public const string UsersSection = "DemoUsers";
}
