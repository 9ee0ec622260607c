using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Authenticates requests that carry <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750 §2.1) with the scheme's
/// validator of <typeparamref name="TPayload"/>: signed tokens, or with decryption keys configured, nested sign-then-encrypt
/// tokens (or plain JWEs with a shared key, when <see cref="TypedJwtBearerOptions.RequireSignedTokens"/> is off).
/// Microsoft.IdentityModel is not on this path. A refused or missing token is
/// answered with 401 and <c>WWW-Authenticate: Bearer error="invalid_token", error_description="..."</c>, the description
/// being the <see cref="JwtError.Message"/> (which names a claim or header parameter, never a value or key material).
/// The scheme's <see cref="TypedJwtBearerEvents{TPayload}"/>, when it has any, take part at each step.
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type tokens are validated as.</typeparam>
public sealed class TypedJwtBearerHandler<TPayload> : AuthenticationHandler<TypedJwtBearerOptions>
    where TPayload : IJwtPayload<TPayload>
{
    // A scheme without events shares this marker instead of the base class's new object per request.
    private static readonly Task<object> NoEvents = Task.FromResult(new object());

    private readonly ILogger _log;

    /// <summary>Creates the handler (one per request, by the authentication system).</summary>
    public TypedJwtBearerHandler(IOptionsMonitor<TypedJwtBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
        // One stable category for every payload type (the base class's Logger is named after the closed generic type).
        _log = logger.CreateLogger(BearerLog.Category);
    }

    private enum Attempt
    {
        NoToken,
        Refused,
        Valid,
    }

    /// <inheritdoc/>
    protected override Task<object> CreateEventsAsync() => NoEvents;

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Events is TypedJwtBearerEvents<TPayload> events)
        {
            return AuthenticateWithEventsAsync(events);
        }

        switch (Validate(null, out TPayload? payload, out JwtError error, out string? dpopToken))
        {
            case Attempt.NoToken:
                return Task.FromResult(AuthenticateResult.NoResult());
            case Attempt.Refused:
                return Task.FromResult(Refuse(error));
        }

        if (HasChecksAfterValidation)
        {
            return AuthenticateAfterChecksAsync(payload!, dpopToken);
        }

        return Task.FromResult(Succeed(payload!));
    }

    // DPoP (AddDpop), certificate binding (AddCertificateBoundTokens) and revocation (AddRevocation) run after every other check, so also after a verified-token cache hit.
    private bool HasChecksAfterValidation => Options.Dpop is not null || Options.CertificateBoundTokens || Resolved.Revocation is not null;

    private async Task<AuthenticateResult> AuthenticateAfterChecksAsync(TPayload payload, string? dpopToken)
    {
        JwtError error = await CheckAfterValidationAsync(payload, dpopToken);
        return error.IsNone ? Succeed(payload) : Refuse(error);
    }

    private async Task<JwtError> CheckAfterValidationAsync(TPayload payload, string? dpopToken)
    {
        if (Options.Dpop is { } dpop)
        {
            JwtError error = await DpopAuthentication.CheckAsync(Context, Dpop(dpop), dpopToken, payload);
            if (!error.IsNone)
            {
                return error;
            }
        }

        if (Options.CertificateBoundTokens)
        {
            JwtError error = await CertificateBinding.CheckAsync(Context, payload);
            if (!error.IsNone)
            {
                return error;
            }
        }

        return Resolved.Revocation is { } revocation
            ? await revocation.CheckAsync(JwtRevocationClaims.From(payload), Context.RequestAborted)
            : JwtError.None;
    }

    private async Task<AuthenticateResult> AuthenticateWithEventsAsync(TypedJwtBearerEvents<TPayload> events)
    {
        var received = new MessageReceivedContext<TPayload>(Context, Scheme, Options);
        await events.MessageReceived(received);
        if (received.Result is not null)
        {
            return received.Result;
        }

        switch (Validate(received.Token, out TPayload? payload, out JwtError error, out string? dpopToken))
        {
            case Attempt.NoToken:
                return AuthenticateResult.NoResult();
            case Attempt.Refused:
                return await FailAsync(events, error);
        }

        if (HasChecksAfterValidation)
        {
            error = await CheckAfterValidationAsync(payload!, dpopToken);
            if (!error.IsNone)
            {
                return await FailAsync(events, error);
            }
        }

        var validated = new TokenValidatedContext<TPayload>(Context, Scheme, Options, payload!, CreatePrincipal(payload!));
        await events.TokenValidated(validated);
        if (validated.Result is { Succeeded: false } vetoed)
        {
            BearerLog.RejectedByApplication(_log, Scheme.Name);
            Resolved.Metrics?.Failed(Scheme.Name, (vetoed.Failure as JwtBearerFailure)?.Error.Code ?? JwtErrorCode.RejectedByApplication);
            return vetoed;
        }

        Resolved.Metrics?.Succeeded(Scheme.Name);
        if (validated.Result is not null)
        {
            return validated.Result;
        }

        validated.Success();
        return validated.Result!;
    }

    private async Task<AuthenticateResult> FailAsync(TypedJwtBearerEvents<TPayload> events, JwtError error)
    {
        AuthenticateResult refusal = Refuse(error);
        var failed = new AuthenticationFailedContext<TPayload>(Context, Scheme, Options, error);
        await events.AuthenticationFailed(failed);
        return failed.Result ?? refusal;
    }

    // The token an event set, else the Authorization header's, else (where the options allow it) the query's.
    // dpopToken: the token of an Authorization: DPoP request, whose proof hashes it (null for a bearer token).
    private Attempt Validate(string? eventToken, out TPayload? payload, out JwtError error, out string? dpopToken)
    {
        payload = default;
        dpopToken = null;
        ReadOnlySpan<char> token;
        if (eventToken is not null)
        {
            token = eventToken;
        }
        else
        {
            switch (BearerToken.Find(Request, Options, out token, out bool isDpop))
            {
                case BearerToken.Presence.Absent:
                    error = default;
                    return Attempt.NoToken;
                case BearerToken.Presence.Malformed:
                    error = JwtError.Create(JwtErrorCode.MalformedToken);
                    return Attempt.Refused;
            }

            if (isDpop)
            {
                dpopToken = token.ToString();
            }
        }

        return Resolved.Validator.TryValidate(token, out payload, out error) ? Attempt.Valid : Attempt.Refused;
    }

    private AuthenticateResult Succeed(TPayload payload)
    {
        Resolved.Metrics?.Succeeded(Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(CreatePrincipal(payload), Scheme.Name));
    }

    private ClaimsPrincipal CreatePrincipal(TPayload payload)
    {
        // The claims-based APIs get their claims from the typed payload, projected only if something asks for them.
        IReadOnlyDictionary<string, string>? map = Options.MapInboundClaims ? Options.InboundClaimTypeMap : null;
        var identity = new JwtClaimsIdentity<TPayload>(
            payload, Scheme.Name, InboundClaimTypeMap.Apply(map, Options.NameClaimType), InboundClaimTypeMap.Apply(map, Options.RoleClaimType), ClaimsIssuer, map);
        return new ClaimsPrincipal(identity);
    }

    /// <inheritdoc/>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        AuthenticateResult result = await HandleAuthenticateOnceSafeAsync();
        string description = result.Failure switch
        {
            JwtBearerFailure failure => failure.Message,
            null => BearerChallenge.MissingTokenDescription,
            _ => "The bearer token was refused.",
        };

        string? error = "invalid_token";
        string? uri = null;
        if (Events is TypedJwtBearerEvents<TPayload> events)
        {
            var challenge = new TypedJwtBearerChallengeContext<TPayload>(Context, Scheme, Options, properties, result.Failure)
            {
                ErrorDescription = description,
            };
            await events.Challenge(challenge);
            if (challenge.Handled)
            {
                return;
            }

            (error, description, uri) = (challenge.Error, challenge.ErrorDescription!, challenge.ErrorUri);
        }

        // A store that could not say whether the token was revoked is the server's fault, not the token's: 503, no challenge.
        if (BearerChallenge.IsServerSide(result.Failure))
        {
            BearerChallenge.ServiceUnavailable(Response);
            return;
        }

        // DPoP challenges (RFC 9449 §7.1), in Dpop/DpopChallenge.cs.
        if (Options.Dpop is { } dpop)
        {
            DpopChallenge.Write(Context, Dpop(dpop), result.Failure, BearerChallenge.Format(error, description, uri));
            return;
        }

        // The design's contract answers a missing token like an invalid one, so clients need to handle one challenge form.
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = BearerChallenge.Format(error, description, uri);
    }

    /// <inheritdoc/>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (Events is TypedJwtBearerEvents<TPayload> events)
        {
            var forbidden = new ForbiddenContext<TPayload>(Context, Scheme, Options, properties);
            await events.Forbidden(forbidden);
            if (forbidden.Handled)
            {
                return;
            }
        }

        await base.HandleForbiddenAsync(properties);
    }

    private ResolvedBearer<TPayload> Resolved =>
        Options.Resolved as ResolvedBearer<TPayload> ?? throw new InvalidOperationException(
            $"The TypedJwt bearer scheme '{Scheme.Name}' has no usable key or policy for {typeof(TPayload).Name}; its options validation says why.");

    private DpopCheck Dpop(DpopOptions dpop) => DpopCheck.For(dpop, Context.RequestServices, Resolved.TimeProvider);

    private AuthenticateResult Refuse(JwtError error)
    {
        BearerLog.Refused(_log, Scheme.Name, error);
        Resolved.Metrics?.Failed(Scheme.Name, error.Code);
        return AuthenticateResult.Fail(new JwtBearerFailure(error));
    }
}
