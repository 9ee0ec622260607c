using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Reads the identity-provider settings of a scheme's configuration section, with JwtBearer's names where they exist:
/// <c>Authority</c>, <c>MetadataAddress</c>, <c>RequireHttpsMetadata</c>, <c>AutomaticRefreshInterval</c>, <c>RefreshInterval</c>,
/// <c>BackchannelTimeout</c>, and <c>JwksUri</c>, <c>MaxKeyStaleness</c>, <c>FetchKeysAtStartup</c>, <c>Algorithms</c> (names,
/// as an array or comma-separated), <c>Issuers</c> (an array of <c>Issuer</c>, <c>Authority</c>, <c>MetadataAddress</c>,
/// <c>JwksUri</c>, <c>Audiences</c>, <c>Algorithms</c>). Returns the first value that cannot be used, or null.
/// </summary>
internal static class ProviderConfiguration
{
    public static string? Apply(IConfiguration section, TypedJwtBearerOptions options, string path)
    {
        options.Authority = section["Authority"] is { Length: > 0 } authority ? authority : options.Authority;
        options.MetadataAddress = section["MetadataAddress"] is { Length: > 0 } metadata ? metadata : options.MetadataAddress;
        options.JwksUri = section["JwksUri"] is { Length: > 0 } jwks ? jwks : options.JwksUri;
        string? error =
            ReadBool(section, "RequireHttpsMetadata", path, v => options.RequireHttpsMetadata = v)
            ?? ReadBool(section, "FetchKeysAtStartup", path, v => options.FetchKeysAtStartup = v)
            ?? ReadTimeSpan(section, "AutomaticRefreshInterval", path, v => options.AutomaticRefreshInterval = v)
            ?? ReadTimeSpan(section, "RefreshInterval", path, v => options.RefreshInterval = v)
            ?? ReadTimeSpan(section, "BackchannelTimeout", path, v => options.BackchannelTimeout = v)
            ?? ReadTimeSpan(section, "MaxKeyStaleness", path, v => options.MaxKeyStaleness = v)
            ?? ReadAlgorithms(section.GetSection("Algorithms"), path + "Algorithms", options.Algorithms);
        if (error is not null)
        {
            return error;
        }

        foreach (IConfigurationSection child in section.GetSection("Issuers").GetChildren())
        {
            var issuer = new TypedJwtIssuerOptions
            {
                Issuer = child["Issuer"],
                Authority = child["Authority"],
                MetadataAddress = child["MetadataAddress"],
                JwksUri = child["JwksUri"],
            };
            foreach (string audience in Values(child.GetSection("Audiences")))
            {
                issuer.Audiences.Add(audience);
            }

            error = ReadAlgorithms(child.GetSection("Algorithms"), $"{path}Issuers:{child.Key}:Algorithms", issuer.Algorithms);
            if (error is not null)
            {
                return error;
            }

            options.Issuers.Add(issuer);
        }

        return null;
    }

    private static string? ReadBool(IConfiguration section, string name, string path, Action<bool> set)
    {
        if (section[name] is not { Length: > 0 } text)
        {
            return null;
        }

        if (!bool.TryParse(text, out bool value))
        {
            return $"{path}{name} is not true or false.";
        }

        set(value);
        return null;
    }

    private static string? ReadTimeSpan(IConfiguration section, string name, string path, Action<TimeSpan> set)
    {
        if (section[name] is not { Length: > 0 } text)
        {
            return null;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
        {
            return $"{path}{name} is not a time span (expected for example 00:05:00).";
        }

        set(value);
        return null;
    }

    private static string? ReadAlgorithms(IConfigurationSection section, string setting, IList<JwsAlgorithm> algorithms)
    {
        foreach (string name in Values(section))
        {
            // The enum's member names are the JWS names; a number is not a name.
            if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || !Enum.TryParse(name, ignoreCase: false, out JwsAlgorithm algorithm) || !Enum.IsDefined(algorithm))
            {
                return $"{setting} has \"{name}\", which is not a JWS algorithm TypedJwt implements (RS256, PS256, ES256, ...).";
            }

            algorithms.Add(algorithm);
        }

        return null;
    }

    // A value given as one string ("RS256,ES256") or as an array (Algorithms:0, Algorithms:1).
    private static IEnumerable<string> Values(IConfigurationSection section)
    {
        if (section.Value is { Length: > 0 } text)
        {
            foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return part;
            }

            yield break;
        }

        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (child.Value is { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }
}
