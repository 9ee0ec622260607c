using System;
using Microsoft.AspNetCore.Authorization;
using TypedJwt;
using TypedJwt.AspNetCore;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>Typed authorization policies: requirements stated as predicates over the validated claims.</summary>
public static class JwtAuthorizationPolicyExtensions
{
    /// <summary>
    /// Requires a user signed in with a <typeparamref name="TPayload"/> token whose claims satisfy <paramref name="predicate"/>:
    /// <c>policy.RequireJwtPayload&lt;AccessToken&gt;(t =&gt; t.Roles.Contains("admin"))</c>. A failed requirement is a 403.
    /// </summary>
    public static AuthorizationPolicyBuilder RequireJwtPayload<TPayload>(this AuthorizationPolicyBuilder builder, Func<TPayload, bool> predicate)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(predicate);
        return builder.AddRequirements(new JwtPayloadRequirement<TPayload>(predicate));
    }

    /// <summary>Requires a user signed in with a <typeparamref name="TPayload"/> token.</summary>
    public static AuthorizationPolicyBuilder RequireJwtPayload<TPayload>(this AuthorizationPolicyBuilder builder)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new JwtPayloadRequirement<TPayload>());
    }
}
