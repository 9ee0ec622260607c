namespace TypedJwt;

/// <summary>A DPoP proof that passed every check of <see cref="DpopProofValidator"/>: its typed header and payload, and its key's thumbprint.</summary>
public sealed class ValidatedDpopProof
{
    internal ValidatedDpopProof(DpopProofHeader header, DpopProof payload, JwsAlgorithm algorithm, string jwkThumbprint)
    {
        Header = header;
        Payload = payload;
        Algorithm = algorithm;
        JwkThumbprint = jwkThumbprint;
    }

    /// <summary>The proof's header (its public <c>jwk</c>).</summary>
    public DpopProofHeader Header { get; }

    /// <summary>The proof's claims.</summary>
    public DpopProof Payload { get; }

    /// <summary>The proof's <c>alg</c>.</summary>
    public JwsAlgorithm Algorithm { get; }

    /// <summary>The RFC 7638 SHA-256 thumbprint of the proof's key: the <c>cnf.jkt</c> a token bound to it carries.</summary>
    public string JwkThumbprint { get; }
}
