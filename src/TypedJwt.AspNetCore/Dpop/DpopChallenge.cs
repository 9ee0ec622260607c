using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The 401 challenge of a scheme with DPoP (RFC 9449 §7.1): a refused proof is <c>DPoP error="invalid_dpop_proof"</c>, a
/// missing server nonce <c>DPoP error="use_dpop_nonce"</c> with a fresh <c>DPoP-Nonce</c> header (§8), a refused token
/// sent with the DPoP scheme <c>DPoP error="invalid_token"</c>; every DPoP challenge names the accepted <c>algs</c>. In
/// <see cref="DpopMode.Allowed"/> mode a bearer request's challenge keeps its <c>Bearer</c> form, unchanged.
/// </summary>
internal static class DpopChallenge
{
    public static void Write(HttpContext context, DpopCheck dpop, Exception? failure, string bearerChallenge)
    {
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        JwtError error = failure is JwtBearerFailure refused ? refused.Error : default;
        string algs = $"algs=\"{dpop.AlgorithmNames}\"";
        bool isProofError = context.Items.ContainsKey(DpopCheck.ProofRefusedItem) || error.Code == JwtErrorCode.DpopProofMissing;
        bool usedDpop = DpopAuthentication.IsDpop(context.Request.Headers.Authorization.ToString().AsSpan().Trim(' '));
        if (error.Code == JwtErrorCode.DpopNonceRequired)
        {
            response.Headers[DpopCheck.NonceHeader] = context.Items[DpopCheck.NonceHeader] as string ?? dpop.NewNonce();
            response.Headers[HeaderNames.WWWAuthenticate] = $"DPoP error=\"use_dpop_nonce\", error_description=\"{BearerChallenge.Sanitize(error.Message)}\", {algs}";
            return;
        }

        string dpopChallenge = isProofError || ((usedDpop || error.Code == JwtErrorCode.DpopBoundTokenAsBearer) && failure is not null)
            ? $"DPoP error=\"{(isProofError ? "invalid_dpop_proof" : "invalid_token")}\", error_description=\"{BearerChallenge.Sanitize(error.Message)}\", {algs}"
            : $"DPoP {algs}";
        if ((usedDpop || dpop.Mode == DpopMode.Required) && dpop.NewNonce() is { } nonce)
        {
            response.Headers[DpopCheck.NonceHeader] = nonce;
        }

        // A bearer request in Allowed mode keeps the RFC 6750 challenge alone, as without DPoP: §7.1 permits both
        // challenges, but bearer clients then see exactly what they saw before.
        // A bound token sent as a bearer token (§7.2) gets both: the bearer refusal, and the scheme it must use instead.
        response.Headers[HeaderNames.WWWAuthenticate] = dpop.Mode == DpopMode.Required || usedDpop || isProofError
            ? dpopChallenge
            : error.Code == JwtErrorCode.DpopBoundTokenAsBearer ? new StringValues([bearerChallenge, dpopChallenge]) : bearerChallenge;
    }
}
