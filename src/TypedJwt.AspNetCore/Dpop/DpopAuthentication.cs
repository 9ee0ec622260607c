using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The handler's path when its scheme has DPoP (<c>AddDpop</c>): <c>Authorization: DPoP &lt;token&gt;</c> with a <c>DPoP</c>
/// proof (RFC 9449 §7.1), and <c>Authorization: Bearer</c> as the mode allows. The token is validated first, as for a bearer
/// request; then the proof, bound to the token by <c>ath</c> and to its key by <c>cnf.jkt</c>; then revocation. A DPoP
/// request whose token is not bound to a key, and a bound token sent as a bearer token (§7.2), are refused.
/// </summary>
internal static class DpopAuthentication
{
    private const string DpopScheme = "DPoP";
    private const string BearerScheme = "Bearer";

    /// <summary>Whether <paramref name="authorization"/> uses the DPoP scheme (case-insensitive, RFC 9110 §11.1).</summary>
    public static bool IsDpop(ReadOnlySpan<char> authorization) => HasScheme(authorization, DpopScheme);

    public static Task<AuthenticateResult> AuthenticateAsync<TPayload>(
        HttpContext context,
        DpopCheck dpop,
        string authorization,
        IJwtValidator<TPayload> validator,
        JwtRevocationCheck? revocation,
        Func<TPayload, AuthenticateResult> success,
        Func<JwtError, AuthenticateResult> refuse)
        where TPayload : IJwtPayload<TPayload>
    {
        bool isDpop = IsDpop(authorization);
        if (!isDpop && !HasScheme(authorization, BearerScheme))
        {
            // Another HTTP authentication scheme (Basic, ...): not ours to judge.
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!isDpop && dpop.Mode == DpopMode.Required)
        {
            return Task.FromResult(refuse(JwtError.Create(JwtErrorCode.DpopProofMissing, "DPoP")));
        }

        // Validated from the header's characters, as without DPoP; only a DPoP request needs the token as a string (ath).
        ReadOnlySpan<char> token = authorization.AsSpan(isDpop ? DpopScheme.Length : BearerScheme.Length).Trim(' ');
        if (!validator.TryValidate(token, out TPayload? payload, out JwtError error))
        {
            return Task.FromResult(refuse(error));
        }

        string? jkt = DpopConfirmationReader.JwkThumbprintOf(payload);
        if (!isDpop)
        {
            return jkt is null
                ? Revoked(payload, revocation, success, refuse, context)
                : Task.FromResult(refuse(JwtError.Create(JwtErrorCode.DpopBoundTokenAsBearer, "cnf")));
        }

        if (jkt is null)
        {
            // The DPoP scheme presents a token bound to a key; an unbound token proves nothing about the proof's key.
            return Task.FromResult(refuse(JwtError.Create(JwtErrorCode.DpopKeyMismatch, "cnf")));
        }

        return CheckProofAsync(context, dpop, token.ToString(), jkt, payload, revocation, success, refuse);
    }

    private static async Task<AuthenticateResult> CheckProofAsync<TPayload>(
        HttpContext context, DpopCheck dpop, string token, string jkt, TPayload payload, JwtRevocationCheck? revocation,
        Func<TPayload, AuthenticateResult> success, Func<JwtError, AuthenticateResult> refuse)
        where TPayload : IJwtPayload<TPayload>
    {
        DpopProofResult proof = await dpop.CheckAsync(context, token, jkt).ConfigureAwait(false);
        if (!proof.IsValid)
        {
            // The challenge tells a refused proof (invalid_dpop_proof, whatever the check) from a refused token.
            context.Items[DpopCheck.ProofRefusedItem] = true;
            if (proof.Nonce is not null)
            {
                context.Items[DpopCheck.NonceHeader] = proof.Nonce;
            }

            return refuse(proof.Error);
        }

        return await Revoked(payload, revocation, success, refuse, context).ConfigureAwait(false);
    }

    private static async Task<AuthenticateResult> Revoked<TPayload>(
        TPayload payload, JwtRevocationCheck? revocation, Func<TPayload, AuthenticateResult> success, Func<JwtError, AuthenticateResult> refuse, HttpContext context)
        where TPayload : IJwtPayload<TPayload>
    {
        if (revocation is null)
        {
            return success(payload);
        }

        JwtError error = await revocation.CheckAsync(JwtRevocationClaims.From(payload), context.RequestAborted).ConfigureAwait(false);
        return error.IsNone ? success(payload) : refuse(error);
    }

    private static bool HasScheme(ReadOnlySpan<char> value, string scheme) =>
        value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && (value.Length == scheme.Length || value[scheme.Length] == ' ');
}
