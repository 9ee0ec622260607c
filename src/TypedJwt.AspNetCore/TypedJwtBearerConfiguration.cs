using System;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Reads a scheme's settings from a configuration section by name (no reflection binder, so it trims): <c>SigningKey</c>
/// (a JWK as JSON text), <c>Issuer</c>, <c>Audience</c>, <c>TokenLifetime</c>. A value that cannot be used is recorded
/// for the start-up validation rather than thrown here.
/// </summary>
internal static class TypedJwtBearerConfiguration
{
    public static void Apply(IConfiguration section, TypedJwtBearerOptions options)
    {
        options.ConfigurationPath = (section as IConfigurationSection)?.Path;
        string path = options.ConfigurationPath is null ? "" : options.ConfigurationPath + ":";

        if (section["Issuer"] is { Length: > 0 } issuer)
        {
            options.Issuer = issuer;
        }

        if (section["Audience"] is { Length: > 0 } audience)
        {
            options.Audience = audience;
        }

        if (section["TokenLifetime"] is { Length: > 0 } lifetime)
        {
            if (TimeSpan.TryParse(lifetime, CultureInfo.InvariantCulture, out TimeSpan value))
            {
                options.TokenLifetime = value;
            }
            else
            {
                options.ConfigurationError = $"{path}TokenLifetime is not a time span (expected for example 00:15:00).";
                return;
            }
        }

        if (ProviderConfiguration.Apply(section, options, path) is { } providerError)
        {
            options.ConfigurationError = providerError;
            return;
        }

        if (section["NextSigningKey"] is { Length: > 0 } nextJwk)
        {
            try
            {
                options.NextSigningKey = JwtSigningKey.FromJwk(nextJwk);
            }
            catch (ArgumentException e)
            {
                options.ConfigurationError = $"{path}NextSigningKey is not a usable JWK: {e.Message}";
                return;
            }
        }

        IConfigurationSection keySection = section.GetSection("SigningKey");
        if (keySection.Value is { Length: > 0 } jwk)
        {
            try
            {
                options.SigningKey = JwtSigningKey.FromJwk(jwk);
            }
            catch (ArgumentException e)
            {
                // FromJwk's messages name the member at fault and never contain key material.
                options.ConfigurationError = $"{path}SigningKey is not a usable JWK: {e.Message}";
            }
        }
        else if (keySection.GetChildren().Any())
        {
            // Configuration flattens a JSON object into strings and loses member types; the JWK must stay one JSON text.
            options.ConfigurationError = $"{path}SigningKey must be the JWK as one JSON string, not a configuration section.";
        }
    }
}
