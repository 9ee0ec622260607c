using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Authenticates requests that carry <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750 §2.1) with the scheme's
/// validator of <typeparamref name="TPayload"/>: signed tokens, or with decryption keys configured, nested sign-then-encrypt
/// tokens (or plain JWEs with a shared key, when <see cref="TypedJwtBearerOptions.RequireSignedTokens"/> is off).
/// Microsoft.IdentityModel is not on this path. A refused or missing token is
/// answered with 401 and <c>WWW-Authenticate: Bearer error="invalid_token", error_description="..."</c>, the description
/// being the <see cref="JwtError.Message"/> (which names a claim or header parameter, never a value or key material).
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type tokens are validated as.</typeparam>
public sealed class TypedJwtBearerHandler<TPayload> : AuthenticationHandler<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    private const string BearerScheme = "Bearer";

    /// <summary>Creates the handler (one per request, by the authentication system).</summary>
    public TypedJwtBearerHandler(IOptionsMonitor<TypedJwtBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        StringValues authorization = Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (authorization.Count > 1)
        {
            return Task.FromResult(Refuse(JwtError.Create(JwtErrorCode.MalformedToken)));
        }

        // DPoP (AddDpop): the DPoP and Bearer schemes, the proof and the key binding, in Dpop/DpopAuthentication.cs.
        if (Options.Dpop is { } dpop)
        {
            return DpopAuthentication.AuthenticateAsync(Context, Dpop(dpop), authorization[0]!.Trim(' '), Resolved.Validator, Resolved.Revocation, Success, Refuse);
        }

        // The scheme name is case-insensitive (RFC 9110 §11.1); "Bearer" alone is a bearer request with an empty token.
        ReadOnlySpan<char> value = authorization[0].AsSpan().Trim(' ');
        if (!value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
            || (value.Length > BearerScheme.Length && value[BearerScheme.Length] != ' '))
        {
            // Another HTTP authentication scheme (Basic, ...): not ours to judge.
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        ReadOnlySpan<char> token = value.Slice(BearerScheme.Length).TrimStart(' ');
        if (!Resolved.Validator.TryValidate(token, out TPayload? payload, out JwtError error))
        {
            return Task.FromResult(Refuse(error));
        }

        // Revocation and replay (AddRevocation): after every other check, so also after a verified-token cache hit.
        if (Resolved.Revocation is { } revocation)
        {
            return AuthenticateUnlessRevokedAsync(revocation, payload);
        }

        return Task.FromResult(Success(payload));
    }

    private async Task<AuthenticateResult> AuthenticateUnlessRevokedAsync(JwtRevocationCheck revocation, TPayload payload)
    {
        JwtError error = await revocation.CheckAsync(JwtRevocationClaims.From(payload), Context.RequestAborted);
        return error.IsNone ? Success(payload) : Refuse(error);
    }

    private AuthenticateResult Success(TPayload payload)
    {
        // The claims-based APIs get their claims from the typed payload, projected only if something asks for them.
        IReadOnlyDictionary<string, string>? map = Options.MapInboundClaims ? Options.InboundClaimTypeMap : null;
        var identity = new JwtClaimsIdentity<TPayload>(
            payload, Scheme.Name, InboundClaimTypeMap.Apply(map, Options.NameClaimType), InboundClaimTypeMap.Apply(map, Options.RoleClaimType), ClaimsIssuer, map);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name);
        return AuthenticateResult.Success(ticket);
    }

    /// <inheritdoc/>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        AuthenticateResult result = await HandleAuthenticateOnceSafeAsync();
        string description = result.Failure switch
        {
            JwtBearerFailure failure => failure.Error.Message,
            null => BearerChallenge.MissingTokenDescription,
            _ => "The bearer token was refused.",
        };

        // A store that could not say whether the token was revoked is the server's fault, not the token's: 503, no challenge.
        if (BearerChallenge.IsServerSide(result.Failure))
        {
            BearerChallenge.ServiceUnavailable(Response);
            return;
        }

        // DPoP challenges (RFC 9449 §7.1), in Dpop/DpopChallenge.cs.
        if (Options.Dpop is { } dpop)
        {
            DpopChallenge.Write(Context, Dpop(dpop), result.Failure, BearerChallenge.InvalidToken(description));
            return;
        }

        // The design's contract answers a missing token like an invalid one, so clients need to handle one challenge form.
        Response.StatusCode = 401;
        Response.Headers[HeaderNames.WWWAuthenticate] = BearerChallenge.InvalidToken(description);
    }

    private ResolvedBearer<TPayload> Resolved =>
        Options.Resolved as ResolvedBearer<TPayload> ?? throw new InvalidOperationException(
            $"The TypedJwt bearer scheme '{Scheme.Name}' has no usable key or policy for {typeof(TPayload).Name}; its options validation says why.");

    private DpopCheck Dpop(DpopOptions dpop) => DpopCheck.For(dpop, Context.RequestServices, Resolved.TimeProvider);

    private AuthenticateResult Refuse(JwtError error)
    {
        Logger.LogDebug("Bearer token refused: {Code} {Name}", error.Code, error.Name);
        return AuthenticateResult.Fail(new JwtBearerFailure(error));
    }
}
