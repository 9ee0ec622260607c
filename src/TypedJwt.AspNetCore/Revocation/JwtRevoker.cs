using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace TypedJwt.AspNetCore;

/// <summary>The <see cref="IJwtRevoker"/> of one scheme: computes how long entries live and writes through the scheme's check.</summary>
internal sealed class JwtRevoker(IOptionsMonitor<TypedJwtBearerOptions> options, string scheme) : IJwtRevoker
{
    public string AuthenticationScheme => scheme;

    public JwtRevocationStatistics Statistics => Check.Statistics;

    // Resolved on first use: after start-up, the scheme's options have been post-configured and validated.
    private JwtRevocationCheck Check =>
        options.Get(scheme).Resolved?.Revocation ?? throw new InvalidOperationException(
            $"The TypedJwt bearer scheme '{scheme}' has no revocation; call AddRevocation on it (its options validation at start-up says what else is wrong).");

    public ValueTask RevokeAsync(JwtRevocationClaims token, CancellationToken cancellationToken = default)
    {
        JwtRevocationCheck check = Check;
        string tokenId = token.TokenId ?? throw new ArgumentException(
            "The token has no 'jti' (or its payload type declares none), so it cannot be revoked on its own; revoke its subject or session instead.", nameof(token));
        DateTimeOffset keepUntil = check.KeepUntil(token) ?? throw new ArgumentException(
            "The token has no 'exp' (nor 'iat' with a MaxTokenAge policy), so no entry could be let go once it expires.", nameof(token));
        if (keepUntil <= check.TimeProvider.GetUtcNow())
        {
            return ValueTask.CompletedTask;
        }

        string issuer = token.Issuer ?? "";
        return check.WriteAsync((store, ct) => store.RevokeTokenAsync(issuer, tokenId, keepUntil, ct), cancellationToken);
    }

    public ValueTask RevokeSubjectAsync(string issuer, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        JwtRevocationCheck check = Check;
        (DateTimeOffset now, DateTimeOffset keepUntil) = Window(check);
        return check.WriteAsync((store, ct) => store.RevokeSubjectAsync(issuer, subject, now, keepUntil, ct), cancellationToken);
    }

    public ValueTask RevokeSessionAsync(string issuer, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(sessionId);
        JwtRevocationCheck check = Check;
        (DateTimeOffset now, DateTimeOffset keepUntil) = Window(check);
        return check.WriteAsync((store, ct) => store.RevokeSessionAsync(issuer, sessionId, now, keepUntil, ct), cancellationToken);
    }

    private static (DateTimeOffset Now, DateTimeOffset KeepUntil) Window(JwtRevocationCheck check)
    {
        DateTimeOffset now = check.TimeProvider.GetUtcNow();
        return (now, now + check.SubjectRevocationLifetime + check.Policy.Leeway);
    }
}
