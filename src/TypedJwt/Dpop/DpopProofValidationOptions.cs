using System;
using System.Collections.Generic;

namespace TypedJwt;

/// <summary>The settings of a <see cref="DpopProofValidator"/>.</summary>
public sealed class DpopProofValidationOptions
{
    /// <summary>The algorithms a proof may be signed with: asymmetric only (RFC 9449 §4.3 check 5); never <c>none</c> or HMAC.</summary>
    public static IReadOnlyList<JwsAlgorithm> DefaultAlgorithms { get; } =
    [
        JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512,
        JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512,
        JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512,
    ];

    /// <summary>The clock; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How far a proof's <c>iat</c> may lie from now, either way (RFC 9449 §11.1): 60 seconds by default. A proof's
    /// <c>jti</c> is remembered for twice this, which covers every instant it is accepted at.
    /// </summary>
    public TimeSpan IssuedAtWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The accepted <c>alg</c> values, a subset of <see cref="DefaultAlgorithms"/>; HMAC algorithms are refused when the validator is created.</summary>
    public IReadOnlyList<JwsAlgorithm> Algorithms { get; set; } = DefaultAlgorithms;

    /// <summary>A longer proof is refused before any work: 8 KiB by default (an RSA 4096 proof is about 1.5 KiB).</summary>
    public int MaxProofLength { get; set; } = 8192;
}
