using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Resolves a scheme's options once: creates the ephemeral key when opted in, builds the key set, the policy and the
/// generated validator for <typeparamref name="TPayload"/>. Problems are recorded for <see cref="TypedJwtBearerOptionsValidation"/>
/// to report, so start-up fails with one clear message instead of an exception from deep inside the options system.
/// </summary>
internal sealed class TypedJwtBearerPostConfigure<TPayload>(string scheme, IServiceProvider services) : IPostConfigureOptions<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    // What outlives a reload of the options (configuration change): the ephemeral key, the in-memory revocation store, and
    // the signing keys that signed tokens still within their lifetime.
    private readonly object _gate = new();
    private readonly List<(JwtSigningKey Key, DateTimeOffset Until)> _retiring = [];
    private JwtSigningKey? _ephemeralKey;
    private JwtSigningKey? _lastSigningKey;
    private InMemoryJwtRevocationStore? _inMemoryStore;

    public void PostConfigure(string? name, TypedJwtBearerOptions options)
    {
        if (!string.Equals(name, scheme, StringComparison.Ordinal) || options.ConfigurationError is not null)
        {
            return;
        }

        // Tokens from an identity provider are verified with its keys; an ephemeral key would only let this service issue
        // tokens nobody else trusts.
        if (!options.ValidatesForeignTokens && options.SigningKey is null && options.ValidationKeys is null && options.AllowEphemeralKey && (options.RequireSignedTokens || !options.DecryptsTokens))
        {
            options.SigningKey = LazyInitializer.EnsureInitialized(ref _ephemeralKey, CreateEphemeralKey);
            options.SigningKeyIsEphemeral = true;
        }

        if (EventsProblem(options) is { } problem)
        {
            options.ConfigurationError = problem;
            return;
        }

        TimeProvider timeProvider = options.TimeProvider ?? services.GetService<TimeProvider>() ?? TimeProvider.System;
        if (options.ValidatesForeignTokens)
        {
            ResolveForeign(options, timeProvider);
            return;
        }

        JwtValidationPolicy? policy = options.ValidationPolicy ?? PolicyFrom(options, timeProvider);
        bool signed = options.RequireSignedTokens || !options.DecryptsTokens;
        if (policy is null || (signed && options.SigningKey is null && options.ValidationKeys is null))
        {
            // The validation names what is missing.
            return;
        }

        try
        {
            JwtKeySet? keys = signed ? options.ValidationKeys ?? OwnKeys(options, policy) : null;
            BearerMetrics? metrics = services.GetService<BearerMetrics>();
            options.Resolved = new ResolvedBearer<TPayload>(keys, CreateValidator(options, keys, policy), policy, options.ValidationPolicy?.TimeProvider ?? timeProvider)
            {
                Revocation = CreateRevocation(options, policy),
                Metrics = metrics,
            };
            metrics?.Track(scheme, options.Resolved);
        }
        catch (ArgumentException e)
        {
            options.ConfigurationError = e.Message;
        }
    }

    // The signing key, the next one when it is announced (published and accepted before it signs anything), and the ones a
    // reload replaced, until the tokens they signed have expired (lifetime plus leeway after the reload).
    private JwtKeySet OwnKeys(TypedJwtBearerOptions options, JwtValidationPolicy policy)
    {
        JwtSigningKey current = options.SigningKey!;
        var keys = new List<JwtSigningKey> { current };
        if (options.NextSigningKey is { } next)
        {
            keys.Add(next);
        }

        lock (_gate)
        {
            DateTimeOffset now = policy.TimeProvider.GetUtcNow();
            if (_lastSigningKey is { } last && !string.Equals(last.KeyId, current.KeyId, StringComparison.Ordinal))
            {
                _retiring.Add((last, now + options.TokenLifetime + policy.Leeway));
            }

            _lastSigningKey = current;
            _retiring.RemoveAll(r => r.Until <= now || keys.Exists(k => string.Equals(k.KeyId, r.Key.KeyId, StringComparison.Ordinal)));
            keys.AddRange(_retiring.Select(r => r.Key));
        }

        try
        {
            return new JwtKeySet(keys);
        }
        catch (ArgumentException)
        {
            // A new key of another kind (HMAC after ECDSA, say) cannot share a set with the old one: its tokens are refused.
            return new JwtKeySet(keys.Take(options.NextSigningKey is null ? 1 : 2));
        }
    }

    // Keys from identity providers or several issuers (ProviderValidatorFactory); the validation names what is missing.
    private void ResolveForeign(TypedJwtBearerOptions options, TimeProvider timeProvider)
    {
        if (!TypedJwtBearerOptionsValidation.ProviderSettingsAreValid(options))
        {
            return;
        }

        try
        {
            var factory = new ProviderValidatorFactory(options, timeProvider, services);
            IJwtValidator<TPayload> validator = factory.Create<TPayload>();
            JwtValidationPolicy policy = factory.Policy!;
            JwtKeySet? ownKeys = options.SigningKey is null && options.ValidationKeys is null ? null : options.ValidationKeys ?? new JwtKeySet(options.SigningKey!);
            BearerMetrics? metrics = services.GetService<BearerMetrics>();
            options.Resolved = new ResolvedBearer<TPayload>(ownKeys, validator, policy, policy.TimeProvider)
            {
                Revocation = CreateRevocation(options, policy),
                Metrics = metrics,
            };
            metrics?.Track(scheme, options.Resolved);
        }
        catch (ArgumentException e)
        {
            options.ConfigurationError = e.Message;
        }
    }

    // The token form follows the options: signed; signed then encrypted; or, opted out of signatures, encrypted only.
    private static IJwtValidator<TPayload> CreateValidator(TypedJwtBearerOptions options, JwtKeySet? keys, JwtValidationPolicy policy)
    {
        VerifiedTokenCacheOptions? cache = options.VerifiedTokenCache;
        if (!options.DecryptsTokens)
        {
            return new JwtValidator<TPayload>(keys!, policy, cache);
        }

        JwtEncryptionKeySet decryptionKeys = options.DecryptionKeys ?? new JwtEncryptionKeySet(options.EncryptionKey!);
        return keys is null
            ? new JweValidator<TPayload>(decryptionKeys, policy, cache)
            : new NestedJwtValidator<TPayload>(decryptionKeys, keys, policy, cache);
    }

    // The hook runs on the validation clock, so that entries live until exp + leeway as that clock counts.
    private JwtRevocationCheck? CreateRevocation(TypedJwtBearerOptions options, JwtValidationPolicy policy)
    {
        if (options.Revocation is not { } revocation)
        {
            return null;
        }

        if (revocation.Timeout <= TimeSpan.Zero || revocation.Timeout > JwtRevocationOptions.MaxTimeout)
        {
            throw new ArgumentException($"the revocation Timeout must be positive and at most {JwtRevocationOptions.MaxTimeout.TotalSeconds:0} seconds.");
        }

        if (revocation.SubjectRevocationLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("the revocation SubjectRevocationLifetime must be positive (at least the longest lifetime of the tokens the scheme accepts).");
        }

        if (revocation.OneTimeUse && revocation.FailurePolicy == JwtRevocationFailurePolicy.FailOpen)
        {
            throw new ArgumentException("a one-time-use scheme cannot fail open: a token accepted while the store is down could be used again.");
        }

        IJwtRevocationStore store = revocation.Store ?? services.GetService<IJwtRevocationStore>() ?? LazyInitializer.EnsureInitialized(ref _inMemoryStore, () => new InMemoryJwtRevocationStore(policy.TimeProvider));
        if (revocation.OneTimeUse && !store.CanMarkUsed)
        {
            throw new ArgumentException(
                $"OneTimeUse needs a revocation store that marks tokens used atomically across instances; {store.GetType().Name} cannot (use TypedJwt.Redis's RedisJwtRevocationStore, or the in-memory store for one process).");
        }

        ILogger logger = services.GetService<ILoggerFactory>()?.CreateLogger("TypedJwt.AspNetCore.Revocation") ?? NullLogger.Instance;
        return new JwtRevocationCheck(scheme, store, revocation, TPayload.IsRevocable, policy, policy.TimeProvider, logger);
    }

    // Events of another payload type (or JwtBearerEvents) would otherwise be ignored without a word.
    private static string? EventsProblem(TypedJwtBearerOptions options)
    {
        string expected = $"TypedJwtBearerEvents<{typeof(TPayload).Name}>";
        if (options.Events is not null and not TypedJwtBearerEvents<TPayload>)
        {
            return $"Events is a {options.Events.GetType().Name}; it must be a {expected} (or a subclass).";
        }

        if (options.EventsType is { } type && !typeof(TypedJwtBearerEvents<TPayload>).IsAssignableFrom(type))
        {
            return $"EventsType is {type.Name}; it must be {expected} or a subclass, registered in dependency injection.";
        }

        return null;
    }

    private static JwtValidationPolicy? PolicyFrom(TypedJwtBearerOptions options, TimeProvider timeProvider) =>
        string.IsNullOrEmpty(options.Issuer) || string.IsNullOrEmpty(options.Audience)
            ? null
            : new JwtValidationPolicy
            {
                ValidIssuers = [options.Issuer],
                ValidAudiences = [options.Audience],
                TimeProvider = timeProvider,
            };

    private static JwtSigningKey CreateEphemeralKey()
    {
        // The ECDsa instance lives as long as the key, which lives as long as the options: the life of the process.
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string keyId = "ephemeral-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        return JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256, keyId);
    }
}
