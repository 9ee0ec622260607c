using Microsoft.Extensions.Options;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>Identity-provider settings from configuration that cannot work stop start-up with a message naming the setting.</summary>
public sealed class ProviderStartupValidationTests
{
    private static Task<string> StartupErrorAsync(Dictionary<string, string?> settings) =>
        Assert.ThrowsAsync<OptionsValidationException>(() => ProviderApp.StartAsync(settings)).ContinueWith(t => t.Result.Message, TaskScheduler.Default);

    [Fact]
    public async Task Http_metadata_needs_RequireHttpsMetadata_false()
    {
        Dictionary<string, string?> settings = ProviderApp.Settings("http://127.0.0.1:1");
        settings.Remove("Jwt:RequireHttpsMetadata");

        string error = await StartupErrorAsync(settings);

        Assert.Contains("Jwt:Authority must use https", error, StringComparison.Ordinal);
        Assert.Contains("RequireHttpsMetadata", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireHttpsMetadata_false_is_allowed_only_for_loopback_outside_development()
    {
        string error = await StartupErrorAsync(ProviderApp.Settings("http://idp.example.com"));

        Assert.Contains("not loopback", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jwt:RefreshInterval", "00:00:00", "RefreshInterval must be at least")]
    [InlineData("Jwt:AutomaticRefreshInterval", "00:00:05", "AutomaticRefreshInterval must be at least")]
    [InlineData("Jwt:BackchannelTimeout", "00:05:00", "BackchannelTimeout must be positive and at most")]
    [InlineData("Jwt:RefreshInterval", "soon", "Jwt:RefreshInterval is not a time span")]
    [InlineData("Jwt:Algorithms", "RS256,HS999", "Jwt:Algorithms has \"HS999\"")]
    [InlineData("Jwt:Authority", "not a uri", "Jwt:Authority is not an absolute http or https address")]
    public async Task Unusable_values_name_the_setting(string key, string value, string expected)
    {
        Dictionary<string, string?> settings = ProviderApp.Settings("http://127.0.0.1:1");
        settings[key] = value;

        string error = await StartupErrorAsync(settings);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issuer_needs_exactly_one_source_of_keys()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:Audience"] = ProviderApp.Audience,
            ["Jwt:Issuers:0:Issuer"] = "https://a.example",
        };

        string error = await StartupErrorAsync(settings);

        Assert.Contains("Jwt:Issuers:0:", error, StringComparison.Ordinal);
        Assert.Contains("exactly one source of keys", error, StringComparison.Ordinal);
    }
}
