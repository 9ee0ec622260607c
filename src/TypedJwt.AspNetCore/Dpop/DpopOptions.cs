using System;
using System.Collections.Generic;

namespace TypedJwt.AspNetCore;

/// <summary>Whether a scheme with DPoP (<c>AddDpop</c>) still accepts bearer tokens.</summary>
public enum DpopMode
{
    /// <summary>
    /// <c>Authorization: DPoP</c> with a proof, or <c>Authorization: Bearer</c> for tokens that are not bound to a key. A token
    /// bound to a key (<c>cnf.jkt</c>) is refused as a bearer token (RFC 9449 §7.2).
    /// </summary>
    Allowed,

    /// <summary>Only <c>Authorization: DPoP</c> with a proof; every bearer request is refused.</summary>
    Required,
}

/// <summary>
/// DPoP (RFC 9449) for a TypedJwt bearer scheme, set with <c>AddTypedJwtBearer&lt;T&gt;(...).AddDpop(...)</c>: sender-constrained
/// access tokens, each request proving possession of the key the token is bound to.
/// </summary>
public sealed class DpopOptions
{
    /// <summary>Whether bearer tokens are still accepted beside DPoP; <see cref="DpopMode.Allowed"/> by default.</summary>
    public DpopMode Mode { get; set; } = DpopMode.Allowed;

    /// <summary>
    /// Whether a proof must carry a nonce this server provided (RFC 9449 §8). A request without one (or with an expired one)
    /// is answered with <c>error="use_dpop_nonce"</c> and a fresh nonce in the <c>DPoP-Nonce</c> header; off by default.
    /// </summary>
    public bool RequireNonce { get; set; }

    /// <summary>How long a server nonce is accepted after it was made: 5 minutes by default.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The key server nonces are authenticated with (at least 32 bytes). Instances that share it accept each other's
    /// nonces; without it each process makes a random one, so a nonce from another instance is answered with a new one.
    /// </summary>
    public byte[]? NonceKey { get; set; }

    /// <summary>How far a proof's <c>iat</c> may lie from now, either way: 60 seconds by default (RFC 9449 §11.1).</summary>
    public TimeSpan IssuedAtWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The proof algorithms accepted, sent as <c>algs</c> in challenges: asymmetric only.</summary>
    public IReadOnlyList<JwsAlgorithm> Algorithms { get; set; } = DpopProofValidationOptions.DefaultAlgorithms;

    /// <summary>
    /// The scheme, host and port clients use to reach this service, such as <c>https://api.example.com</c>, when a proxy
    /// or load balancer sits in front of it. A proof's <c>htu</c> is compared with this origin followed by the request's
    /// path base and path. Without it the request's own scheme and host are used, which behind a proxy are the proxy's
    /// unless the forwarded headers middleware (<c>UseForwardedHeaders</c>, with the proxy in its known proxies) has
    /// applied <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>.
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>
    /// Where proofs' <c>jti</c> are recorded so that each proof is accepted once across every instance sharing the store
    /// (RFC 9449 §11.1). Null: the <see cref="IJwtRevocationStore"/> registered in the services, else one in memory for
    /// the process. The store must mark entries used atomically (<see cref="IJwtRevocationStore.CanMarkUsed"/>).
    /// </summary>
    public IJwtRevocationStore? ReplayStore { get; set; }

    /// <summary>How long a request waits for the replay store; past it, the request gets 503 (fail closed). 1 second by default.</summary>
    public TimeSpan ReplayStoreTimeout { get; set; } = TimeSpan.FromSeconds(1);

    internal DpopCheck? Check { get; set; }
}
