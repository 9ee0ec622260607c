using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TypedJwt.AspNetCore;

/// <summary>
/// In the Development environment only, adds to a resolved scheme the validation of <c>dotnet user-jwts</c> tokens, from
/// the section the tool writes, <c>Authentication:Schemes:{scheme}</c>: <c>SigningKeys</c> (its key, in user secrets),
/// <c>ValidIssuer</c> and <c>ValidAudiences</c>. Elsewhere it does nothing. The development key is never published at the
/// JWKS endpoint and never signs.
/// </summary>
internal sealed class UserJwtsPostConfigure<TPayload>(string scheme, IServiceProvider services, Func<UserJwtsToken, TPayload> convert)
    : IPostConfigureOptions<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>The issuer <c>dotnet user-jwts</c> writes unless told otherwise.</summary>
    public const string DefaultIssuer = "dotnet-user-jwts";

    public void PostConfigure(string? name, TypedJwtBearerOptions options)
    {
        if (!string.Equals(name, scheme, StringComparison.Ordinal)
            || options.Resolved is not ResolvedBearer<TPayload> resolved
            || services.GetService<IHostEnvironment>() is not { } environment
            || !environment.IsDevelopment())
        {
            return;
        }

        string path = $"Authentication:Schemes:{scheme}";
        IConfigurationSection section = services.GetRequiredService<IConfiguration>().GetSection(path);
        string issuer = section["ValidIssuer"] ?? DefaultIssuer;
        JwtSigningKey[] keys = [.. KeysOf(section.GetSection("SigningKeys"), issuer, path, options)];
        if (keys.Length == 0 || options.ConfigurationError is not null)
        {
            // No token was created yet (or a key was unusable, which the options validation reports).
            return;
        }

        if (keys.Length > 1)
        {
            options.ConfigurationError = $"{path}:SigningKeys has {keys.Length} keys for issuer '{issuer}'; dotnet user-jwts tokens carry no 'kid', so only one can be used. Run 'dotnet user-jwts key --reset' to start again with one.";
            return;
        }

        string[] audiences = [.. section.GetSection("ValidAudiences").GetChildren().Select(c => c.Value).Append(section["ValidAudience"]).OfType<string>()];
        if (audiences.Length == 0)
        {
            options.ConfigurationError = $"{path} has a signing key but no ValidAudiences; create the token with 'dotnet user-jwts create --audience ...'.";
            return;
        }

        var policy = new JwtValidationPolicy
        {
            ValidIssuers = [issuer],
            ValidAudiences = audiences,
            TimeProvider = resolved.Policy.TimeProvider,
        };
        var validator = new UserJwtsValidator<TPayload>(resolved.Validator, new JwtValidator<UserJwtsToken>(new JwtKeySet(keys[0]), policy), convert);
        options.Resolved = new ResolvedBearer<TPayload>(resolved.Keys, validator, resolved.Policy, resolved.TimeProvider)
        {
            Revocation = resolved.Revocation,
            Metrics = resolved.Metrics,
        };
        resolved.Metrics?.Track(scheme, options.Resolved);
    }

    private static IEnumerable<JwtSigningKey> KeysOf(IConfigurationSection signingKeys, string issuer, string path, TypedJwtBearerOptions options)
    {
        foreach (IConfigurationSection entry in signingKeys.GetChildren())
        {
            if (!string.Equals(entry["Issuer"] ?? issuer, issuer, StringComparison.Ordinal))
            {
                continue;
            }

            byte[] secret;
            try
            {
                secret = Convert.FromBase64String(entry["Value"] ?? "");
            }
            catch (FormatException)
            {
                secret = [];
            }

            if (secret.Length < 32)
            {
                options.ConfigurationError = $"{path}:SigningKeys:{entry.Key}:Value is not a base64 key of at least 32 bytes, as dotnet user-jwts writes.";
                yield break;
            }

            yield return JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, secret, entry["Id"]);
        }
    }
}
