using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

// Issuing DPoP-bound tokens (RFC 9449 §5): the token endpoint checks the request's proof, then binds the token to its key.
public sealed partial class JwtIssuer<TPayload>
{
    /// <summary>
    /// Checks the <c>DPoP</c> proof header of a token request (RFC 9449 §4.3, §5) with the scheme's DPoP settings
    /// (<c>AddDpop</c>): <c>htm</c> and <c>htu</c> against this request, no <c>ath</c>, the server nonce when required, and
    /// the proof's <c>jti</c> accepted once. A request without the header gives a result that is not
    /// <see cref="DpopProofResult.IsPresent"/>: the client asked for a bearer token.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scheme has no DPoP (<c>AddDpop</c>).</exception>
    public ValueTask<DpopProofResult> CheckDpopProofAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TypedJwtBearerOptions options = Options;
        DpopOptions dpop = options.Dpop ?? throw new InvalidOperationException($"Scheme '{_scheme}' has no DPoP; call AddDpop() on it.");
        ResolvedBearer resolved = options.Resolved ?? throw NoSigningKey();
        return DpopCheck.For(dpop, context.RequestServices, resolved.TimeProvider).CheckAsync(context, accessToken: null, jwkThumbprint: null);
    }

    /// <summary>
    /// Issues a token bound to the key of <paramref name="proof"/>: the context's <see cref="JwtIssueContext.Confirmation"/>
    /// holds <c>cnf.jkt</c>, which the payload must carry, and the response's <c>token_type</c> is <c>DPoP</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The payload does not carry the context's confirmation.</exception>
    public IssuedJwt Issue<TState>(ValidatedDpopProof proof, TState state, Func<JwtIssueContext, TState, TPayload> createPayload)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return Issue(state, createPayload, JwtConfirmation.ForJwkThumbprint(proof.JwkThumbprint));
    }

    private static void RequireBinding(TPayload payload, JwtConfirmation confirmation)
    {
        if (!string.Equals(ConfirmationReader.JwkThumbprintOf(payload), confirmation.JwkThumbprint, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"A DPoP-bound {typeof(TPayload).Name} must carry the issue context's Confirmation in a JwtConfirmation member named 'cnf'.");
        }
    }
}
