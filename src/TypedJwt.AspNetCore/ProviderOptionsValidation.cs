using System;
using System.Collections.Generic;

namespace TypedJwt.AspNetCore;

/// <summary>Start-up checks of the identity-provider settings (<c>Authority</c>, <c>JwksUri</c>, the refresh intervals, <c>Issuers</c>).</summary>
internal static class ProviderOptionsValidation
{
    /// <summary>The longest <see cref="TypedJwtBearerOptions.BackchannelTimeout"/> accepted.</summary>
    public static readonly TimeSpan MaxBackchannelTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The shortest <see cref="TypedJwtBearerOptions.RefreshInterval"/> accepted.</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(1);

    public static void Validate(TypedJwtBearerOptions options, string prefix, string path, List<string> failures)
    {
        if (options.Issuers.Count == 0 && options.ValidationPolicy is null)
        {
            if (string.IsNullOrEmpty(options.Issuer) && string.IsNullOrEmpty(options.Authority))
            {
                failures.Add(prefix + $"{path}Issuer is not set; with {path}JwksUri (and no Authority) tokens must name the issuer they are accepted from.");
            }

            if (string.IsNullOrEmpty(options.Audience))
            {
                failures.Add(prefix + $"{path}Audience is not set; tokens must name the audience they are meant for.");
            }
        }

        if (options.RefreshInterval < MinRefreshInterval)
        {
            failures.Add(prefix + $"{path}RefreshInterval must be at least {MinRefreshInterval.TotalSeconds:0} second.");
        }

        if (options.AutomaticRefreshInterval < options.RefreshInterval)
        {
            failures.Add(prefix + $"{path}AutomaticRefreshInterval must be at least {path}RefreshInterval.");
        }

        if (options.BackchannelTimeout <= TimeSpan.Zero || options.BackchannelTimeout > MaxBackchannelTimeout)
        {
            failures.Add(prefix + $"{path}BackchannelTimeout must be positive and at most {MaxBackchannelTimeout.TotalSeconds:0} seconds.");
        }

        if (options.MaxKeyStaleness < options.AutomaticRefreshInterval)
        {
            failures.Add(prefix + $"{path}MaxKeyStaleness must be at least {path}AutomaticRefreshInterval, or keys would expire before they are refreshed.");
        }
    }
}
