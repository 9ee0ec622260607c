using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Start-up checks of a scheme's options. Every message names the setting at fault (with its configuration path when the
/// options came from configuration) and never contains key material.
/// </summary>
internal sealed class TypedJwtBearerOptionsValidation(string scheme) : IValidateOptions<TypedJwtBearerOptions>
{
    public ValidateOptionsResult Validate(string? name, TypedJwtBearerOptions options)
    {
        if (!string.Equals(name, scheme, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        string prefix = $"TypedJwt bearer scheme '{scheme}': ";
        string path = options.ConfigurationPath is null ? "" : options.ConfigurationPath + ":";
        if (options.ConfigurationError is not null)
        {
            failures.Add(prefix + options.ConfigurationError);
            return ValidateOptionsResult.Fail(failures);
        }

        bool signed = options.RequireSignedTokens || !options.DecryptsTokens;
        if (signed && options.SigningKey is null && options.ValidationKeys is null && !options.ValidatesForeignTokens)
        {
            failures.Add(prefix + $"no key is configured. Set {path}SigningKey to a JWK (JSON text with kty, alg, kid and the private members), " +
                "set SigningKey or ValidationKeys in code, or opt in to AllowEphemeralKey (development only: tokens die with the process).");
        }

        if (options.ValidatesForeignTokens)
        {
            ProviderOptionsValidation.Validate(options, prefix, path, failures);
        }
        else if (options.ValidationPolicy is null)
        {
            if (string.IsNullOrEmpty(options.Issuer))
            {
                failures.Add(prefix + $"{path}Issuer is not set; tokens must name the issuer they are accepted from.");
            }

            if (string.IsNullOrEmpty(options.Audience))
            {
                failures.Add(prefix + $"{path}Audience is not set; tokens must name the audience they are meant for.");
            }
        }

        if (options.SigningKey is { KeyId: null })
        {
            failures.Add(prefix + $"the signing key has no 'kid'. Give {path}SigningKey a \"kid\" member so tokens name their key and the JWKS can publish it.");
        }

        if (options.NextSigningKey is { } next && options.ValidationKeys is null)
        {
            if (options.SigningKey is null)
            {
                failures.Add(prefix + $"{path}NextSigningKey is set without {path}SigningKey; the next key is announced beside the current one.");
            }
            else if (next.KeyId is null || string.Equals(next.KeyId, options.SigningKey.KeyId, StringComparison.Ordinal))
            {
                failures.Add(prefix + $"{path}NextSigningKey needs a 'kid' of its own, different from the signing key's, so tokens can name it.");
            }
        }

        if (options.ValidationKeys is { } keys)
        {
            bool signingKeyFound = options.SigningKey is null;
            foreach (JwtSigningKey key in keys.Keys)
            {
                if (key.KeyId is null)
                {
                    failures.Add(prefix + "a validation key has no 'kid'; every published key needs one.");
                }

                signingKeyFound |= options.SigningKey is not null && string.Equals(key.KeyId, options.SigningKey.KeyId, StringComparison.Ordinal);
            }

            if (!signingKeyFound)
            {
                failures.Add(prefix + $"ValidationKeys has no key with the signing key's kid \"{options.SigningKey!.KeyId}\", so tokens this service issues would be refused.");
            }
        }

        if (options is { EncryptionKey: { } encryptionKey, DecryptionKeys: { } decryptionKeys }
            && !System.Linq.Enumerable.Any(decryptionKeys.Keys, k => string.Equals(k.KeyId, encryptionKey.KeyId, StringComparison.Ordinal)))
        {
            failures.Add(prefix + "DecryptionKeys has no key with the encryption key's kid, so tokens this service issues could not be read back.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            failures.Add(prefix + $"{path}TokenLifetime must be positive.");
        }

        if (options.MapInboundClaims && options.InboundClaimTypeMap is null)
        {
            failures.Add(prefix + "MapInboundClaims is on but InboundClaimTypeMap is null; leave it at InboundClaimTypeMap.Default or give it a map.");
        }

        if (failures.Count == 0 && options.Resolved is null && options.ValidatesForeignTokens)
        {
            failures.Add(prefix + "the identity provider settings could not be resolved.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether the provider settings pass the checks that need no I/O, so that start-up builds key sources only from usable ones.</summary>
    internal static bool ProviderSettingsAreValid(TypedJwtBearerOptions options)
    {
        var failures = new List<string>();
        ProviderOptionsValidation.Validate(options, "", "", failures);
        return failures.Count == 0;
    }
}
