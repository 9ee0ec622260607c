using System;

namespace TypedJwt;

/// <summary>
/// What a DPoP proof is checked against (RFC 9449 §4.3): the request's method and its public URI (the one the client
/// used: behind a proxy, the external scheme, host and port), and, when the request carries one, the access token
/// (its hash must be the proof's <c>ath</c>) and the access token's <c>cnf.jkt</c> (the proof key's thumbprint must equal it).
/// </summary>
/// <param name="Method">The HTTP method, compared with <c>htm</c> ordinally (methods are case-sensitive, RFC 9110 §9.1).</param>
/// <param name="Uri">The request's absolute URI; its query and fragment are ignored.</param>
/// <param name="AccessToken">The access token sent with the proof, or null on a token request.</param>
/// <param name="JwkThumbprint">The access token's <c>cnf.jkt</c>, or null when no key is bound yet.</param>
public readonly record struct DpopRequest(string Method, Uri Uri, string? AccessToken = null, string? JwkThumbprint = null);
