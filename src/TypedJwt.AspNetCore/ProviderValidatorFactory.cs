using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Builds a scheme's validator when its tokens come from identity providers (<c>Authority</c>, <c>MetadataAddress</c>,
/// <c>JwksUri</c>) or from several issuers (<c>Issuers</c>): one key source per issuer, one policy per issuer that accepts
/// that issuer alone, and, with several, a <see cref="JwtIssuerValidator{TPayload}"/> that chooses by <c>iss</c>. A setting
/// that cannot work throws <see cref="ArgumentException"/> with a message naming it, which start-up reports.
/// </summary>
internal sealed class ProviderValidatorFactory(TypedJwtBearerOptions options, TimeProvider timeProvider, IServiceProvider services)
{
    private readonly bool _isDevelopment = services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
    private readonly string _path = options.ConfigurationPath is null ? "" : options.ConfigurationPath + ":";

    /// <summary>The policy of the scheme's own issuer (or the first one), for the handler and the revocation hook.</summary>
    public JwtValidationPolicy? Policy { get; private set; }

    public IJwtValidator<TPayload> Create<TPayload>() where TPayload : IJwtPayload<TPayload>
    {
        if (options.Issuers.Count == 0)
        {
            // One provider: the configured issuer, or the authority with or without its trailing slash.
            IReadOnlyList<string> issuers = ExpectedIssuers(options.Issuer, options.Authority);
            JwtKeySource source = CreateSource(options.Authority, options.MetadataAddress, options.JwksUri, issuers, Algorithms(options.Algorithms), "");
            Policy = options.ValidationPolicy ?? CreatePolicy(issuers, options.Audience is { Length: > 0 } audience ? [audience] : []);
            return CreateValidator<TPayload>(source, Policy);
        }

        var validators = new List<KeyValuePair<string, IJwtValidator<TPayload>>>();
        if (options.UsesProviderKeys && string.IsNullOrEmpty(options.Issuer))
        {
            throw new ArgumentException($"{_path}Issuer is not set; with Issuers, the scheme's own Authority or JwksUri needs the exact 'iss' of its tokens in Issuer.");
        }

        if (!string.IsNullOrEmpty(options.Issuer) && (options.UsesProviderKeys || options.SigningKey is not null || options.ValidationKeys is not null))
        {
            JwtKeySource source = options.UsesProviderKeys
                ? CreateSource(options.Authority, options.MetadataAddress, options.JwksUri, [options.Issuer], Algorithms(options.Algorithms), "")
                : JwtKeySource.FromKeys(options.ValidationKeys ?? new JwtKeySet(options.SigningKey!));
            validators.Add(new(options.Issuer, CreateValidator<TPayload>(source, CreatePolicy([options.Issuer], Audiences([])))));
        }

        for (int i = 0; i < options.Issuers.Count; i++)
        {
            TypedJwtIssuerOptions entry = options.Issuers[i] ?? throw new ArgumentException($"{_path}Issuers:{i} is null.");
            string name = $"Issuers:{i}:";
            string issuer = entry.Issuer is { Length: > 0 } explicitIssuer ? explicitIssuer
                : entry.Authority is { Length: > 0 } authority ? authority
                : throw new ArgumentException($"{_path}{name}Issuer is not set; every issuer needs the exact 'iss' of its tokens.");
            bool remote = !string.IsNullOrEmpty(entry.Authority) || !string.IsNullOrEmpty(entry.MetadataAddress) || !string.IsNullOrEmpty(entry.JwksUri);
            if (remote == (entry.SigningKeys is not null))
            {
                throw new ArgumentException($"{_path}{name} needs exactly one source of keys: Authority, MetadataAddress or JwksUri (fetched), or SigningKeys (static).");
            }

            JwtKeySource source = remote
                ? CreateSource(entry.Authority, entry.MetadataAddress, entry.JwksUri, [issuer], Algorithms(entry.Algorithms.Count > 0 ? entry.Algorithms : options.Algorithms), name)
                : JwtKeySource.FromKeys(entry.SigningKeys!);
            IReadOnlyList<string> audiences = Audiences(entry.Audiences);
            if (audiences.Count == 0)
            {
                throw new ArgumentException($"{_path}{name}Audiences is empty and the scheme has no Audience; tokens must name the audience they are meant for.");
            }

            validators.Add(new(issuer, CreateValidator<TPayload>(source, CreatePolicy([issuer], audiences))));
        }

        var router = new JwtIssuerValidator<TPayload>(validators);
        Policy = router.Policy;
        return router;
    }

    private IJwtValidator<TPayload> CreateValidator<TPayload>(JwtKeySource source, JwtValidationPolicy policy) where TPayload : IJwtPayload<TPayload>
    {
        if (!options.DecryptsTokens)
        {
            return new JwtValidator<TPayload>(source, policy, options.VerifiedTokenCache);
        }

        // A provider's encrypted access tokens (OpenIddict's default): decrypted with the key configured here, then the
        // inner token verified with the provider's keys.
        JwtEncryptionKeySet decryptionKeys = options.DecryptionKeys ?? new JwtEncryptionKeySet(options.EncryptionKey!);
        return new NestedJwtValidator<TPayload>(decryptionKeys, source, policy, options.VerifiedTokenCache);
    }

    private JwtValidationPolicy CreatePolicy(IReadOnlyList<string> issuers, IReadOnlyList<string> audiences)
    {
        JwtValidationPolicy? template = options.ValidationPolicy;
        return new JwtValidationPolicy
        {
            ValidIssuers = issuers,
            ValidAudiences = audiences,
            TimeProvider = template?.TimeProvider ?? timeProvider,
            Leeway = template?.Leeway ?? JwtValidationPolicy.DefaultLeeway,
            MaxTokenAge = template?.MaxTokenAge,
            RequireExpirationTime = template?.RequireExpirationTime ?? true,
            MaxTokenLength = template?.MaxTokenLength ?? new JwtValidationPolicy().MaxTokenLength,
        };
    }

    private IReadOnlyList<string> Audiences(IList<string> audiences) =>
        audiences.Count > 0 ? [.. audiences] : options.Audience is { Length: > 0 } audience ? [audience] : [];

    private static IReadOnlyList<JwsAlgorithm> Algorithms(IList<JwsAlgorithm> algorithms) =>
        algorithms.Count > 0 ? [.. algorithms] : TypedJwtBearerOptions.DefaultProviderAlgorithms;

    // The issuer a discovery document must name: the one configured, or else the authority (with or without a trailing
    // slash, the same issuer as far as a person configuring it is concerned; tokens must carry the value the document names).
    private IReadOnlyList<string> ExpectedIssuers(string? issuer, string? authority)
    {
        if (!string.IsNullOrEmpty(issuer))
        {
            return [issuer];
        }

        if (string.IsNullOrEmpty(authority))
        {
            throw new ArgumentException($"{_path}Issuer is not set; with JwksUri (no Authority), tokens must name the issuer they are accepted from.");
        }

        string trimmed = authority.TrimEnd('/');
        return [trimmed, trimmed + "/"];
    }

    private RemoteJwtKeySource CreateSource(
        string? authority, string? metadataAddress, string? jwksUri, IReadOnlyList<string> expectedIssuers, IReadOnlyList<JwsAlgorithm> algorithms, string name)
    {
        Uri? jwks = jwksUri is { Length: > 0 } ? Address(jwksUri, name + "JwksUri") : null;
        Uri? metadata = null;
        if (jwks is null)
        {
            metadata = metadataAddress is { Length: > 0 }
                ? Address(metadataAddress, name + "MetadataAddress")
                : Address(authority!.TrimEnd('/') + "/.well-known/openid-configuration", name + "Authority");
        }

        var settings = new RemoteKeySourceSettings
        {
            Authority = authority is { Length: > 0 } ? authority : (metadata ?? jwks)!.ToString(),
            MetadataAddress = metadata,
            JwksUri = jwks,
            ExpectedIssuers = expectedIssuers,
            AllowHttp = !options.RequireHttpsMetadata,
            IsDevelopment = _isDevelopment,
            Algorithms = algorithms,
            AutomaticRefreshInterval = options.AutomaticRefreshInterval,
            RefreshInterval = options.RefreshInterval,
            Timeout = options.BackchannelTimeout,
            MaxStaleness = options.MaxKeyStaleness,
        };
        if (!settings.IsAllowed((metadata ?? jwks)!))
        {
            throw new ArgumentException(options.RequireHttpsMetadata
                ? $"{_path}{name}{(jwks is null ? "Authority" : "JwksUri")} must use https (RequireHttpsMetadata); set RequireHttpsMetadata to false only for a provider on a loopback address or in Development."
                : $"{_path}{name}{(jwks is null ? "Authority" : "JwksUri")} is http on a host that is not loopback; RequireHttpsMetadata = false allows http only for 127.0.0.1, ::1 or localhost, or in the Development environment.");
        }

        IHttpClientFactory httpClients = services.GetService<IHttpClientFactory>()
            ?? throw new ArgumentException("no IHttpClientFactory is registered (AddTypedJwtBearer registers one; was the service collection replaced?).");
        ILogger logger = services.GetService<ILoggerFactory>()?.CreateLogger(KeySourceLog.Category) ?? NullLogger.Instance;
        var source = new RemoteJwtKeySource(settings, httpClients, timeProvider, logger) { Metrics = services.GetService<BearerMetrics>() };
        options.KeySources.Add(source);
        if (options.FetchKeysAtStartup)
        {
            source.Start();
        }

        return source;
    }

    private Uri Address(string value, string setting) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            ? address
            : throw new ArgumentException($"{_path}{setting} is not an absolute http or https address.");
}
