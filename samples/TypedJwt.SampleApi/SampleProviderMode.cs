using Microsoft.Extensions.Configuration;
using TypedJwt.AspNetCore;

namespace TypedJwt.SampleApi;

/// <summary>
/// Provider mode: with <c>Jwt:Authority</c>, <c>Jwt:MetadataAddress</c> or <c>Jwt:JwksUri</c> set, the sample validates an
/// identity provider's access tokens instead of its own, so it issues none: <c>POST /token</c> and
/// <c>/.well-known/jwks.json</c> answer 404. The provider's tokens must fit <see cref="AccessToken"/>: RFC 9068
/// (<c>typ: at+jwt</c>, <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>exp</c>, <c>iat</c>, <c>jti</c>) plus a <c>roles</c> array.
/// </summary>
internal static class SampleProviderMode
{
    public static bool IsOn(IConfiguration configuration)
    {
        IConfigurationSection jwt = configuration.GetSection(SampleDefaults.ConfigurationSection);
        return !string.IsNullOrEmpty(jwt["Authority"]) || !string.IsNullOrEmpty(jwt["MetadataAddress"]) || !string.IsNullOrEmpty(jwt["JwksUri"]);
    }

    /// <summary>Whether the scheme's options (configuration already applied) name a provider.</summary>
    public static bool IsOn(TypedJwtBearerOptions options) =>
        !string.IsNullOrEmpty(options.Authority) || !string.IsNullOrEmpty(options.MetadataAddress) || !string.IsNullOrEmpty(options.JwksUri);

    /// <summary>The one-time-token scheme stays self-issued in provider mode: the provider's settings are not its own.</summary>
    public static void KeepSelfIssued(TypedJwtBearerOptions options)
    {
        options.Authority = null;
        options.MetadataAddress = null;
        options.JwksUri = null;
        options.Issuers.Clear();
    }
}
