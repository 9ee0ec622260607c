using TypedJwt.AspNetCore.Tests.Support;

namespace TypedJwt.AspNetCore.Tests.Dpop;

/// <summary>The sample on Kestrel, as a DPoP client meets it (no server nonces).</summary>
public sealed class DpopSample() : KestrelSample("EC");

/// <summary>The sample on Kestrel with <c>Jwt:Dpop:RequireNonce=true</c> (RFC 9449 §8).</summary>
public sealed class DpopNonceSample() : KestrelSample("EC")
{
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            Dictionary<string, string?> settings = base.Settings;
            settings["Jwt:Dpop:RequireNonce"] = "true";
            return settings;
        }
    }
}
