using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The handler's DPoP step, when its scheme has DPoP (<c>AddDpop</c>): after the token (from <c>Authorization: DPoP</c> or
/// <c>Bearer</c>, <see cref="BearerToken"/>) was validated as for a bearer request, and before revocation. A DPoP request
/// needs a bound token (<c>cnf.jkt</c>) and a proof (RFC 9449 §7.1) bound to the token by <c>ath</c> and to its key by
/// <c>cnf.jkt</c>; a bound token sent as a bearer token (§7.2), and a bearer request to a scheme that requires DPoP, are refused.
/// </summary>
internal static class DpopAuthentication
{
    private const string DpopScheme = "DPoP";

    /// <summary>Whether <paramref name="authorization"/> uses the DPoP scheme (case-insensitive, RFC 9110 §11.1).</summary>
    public static bool IsDpop(ReadOnlySpan<char> authorization) =>
        authorization.StartsWith(DpopScheme, StringComparison.OrdinalIgnoreCase)
        && (authorization.Length == DpopScheme.Length || authorization[DpopScheme.Length] == ' ');

    /// <summary>The token of an <c>Authorization: DPoP</c> value.</summary>
    public static ReadOnlySpan<char> TokenOf(ReadOnlySpan<char> authorization) => authorization[DpopScheme.Length..].TrimStart(' ');

    /// <summary>
    /// Checks a validated token's binding: <see cref="JwtError.None"/>, or why the request is refused. <paramref name="dpopToken"/>
    /// is the token of a DPoP request (its proof's <c>ath</c> hashes it), null for a bearer request.
    /// </summary>
    public static Task<JwtError> CheckAsync<TPayload>(HttpContext context, DpopCheck dpop, string? dpopToken, TPayload payload)
        where TPayload : IJwtPayload<TPayload>
    {
        string? jkt = ConfirmationReader.JwkThumbprintOf(payload);
        if (dpopToken is null)
        {
            return Task.FromResult(
                jkt is not null ? JwtError.Create(JwtErrorCode.DpopBoundTokenAsBearer, "cnf")
                : dpop.Mode == DpopMode.Required ? JwtError.Create(JwtErrorCode.DpopProofMissing, "DPoP")
                : JwtError.None);
        }

        // The DPoP scheme presents a token bound to a key; an unbound token proves nothing about the proof's key.
        return jkt is null
            ? Task.FromResult(JwtError.Create(JwtErrorCode.DpopKeyMismatch, "cnf"))
            : CheckProofAsync(context, dpop, dpopToken, jkt);
    }

    private static async Task<JwtError> CheckProofAsync(HttpContext context, DpopCheck dpop, string token, string jkt)
    {
        DpopProofResult proof = await dpop.CheckAsync(context, token, jkt).ConfigureAwait(false);
        if (proof.IsValid)
        {
            return JwtError.None;
        }

        // The challenge tells a refused proof (invalid_dpop_proof, whatever the check) from a refused token.
        context.Items[DpopCheck.ProofRefusedItem] = true;
        if (proof.Nonce is not null)
        {
            context.Items[DpopCheck.NonceHeader] = proof.Nonce;
        }

        return proof.Error;
    }
}
