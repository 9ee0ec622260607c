using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The handler's check of certificate-bound access tokens (RFC 8705 §3), for schemes with <c>AddCertificateBoundTokens</c>:
/// a token whose <c>cnf</c> carries <c>x5t#S256</c> is accepted only over a TLS connection that presented the client
/// certificate with that SHA-256 thumbprint (compared in fixed time). Tokens without it are bearer tokens, as before.
/// </summary>
internal static class CertificateBinding
{
    public static Task<JwtError> CheckAsync<TPayload>(HttpContext context, TPayload payload)
        where TPayload : IJwtPayload<TPayload>
    {
        string? thumbprint = ConfirmationReader.ConfirmationOf(payload)?.X509CertificateThumbprint;
        if (thumbprint is null)
        {
            return Task.FromResult(JwtError.None);
        }

        X509Certificate2? certificate = context.Connection.ClientCertificate;
        return certificate is not null
            ? Task.FromResult(Matches(certificate, thumbprint))
            : MatchesPresentedAsync(context, thumbprint);
    }

    private static async Task<JwtError> MatchesPresentedAsync(HttpContext context, string thumbprint)
    {
        // Renegotiation is not asked for: the connection presented a certificate during its handshake, or none.
        X509Certificate2? certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
        return certificate is null ? JwtError.Create(JwtErrorCode.CertificateMismatch, "cnf") : Matches(certificate, thumbprint);
    }

    private static JwtError Matches(X509Certificate2 certificate, string thumbprint)
    {
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        bool decoded = Base64Url.TryDecodeFromChars(thumbprint, expected, out int length) && length == expected.Length;
        SHA256.HashData(certificate.RawData, actual);
        return decoded && CryptographicOperations.FixedTimeEquals(expected, actual)
            ? JwtError.None
            : JwtError.Create(JwtErrorCode.CertificateMismatch, "cnf");
    }
}
