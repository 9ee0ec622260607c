using System;
using TypedJwt.AspNetCore;

// In the namespace users already import for AddAuthentication, like TypedJwtBearerExtensions.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Certificate-bound access tokens (RFC 8705 §3) for a TypedJwt bearer scheme.</summary>
public static class CertificateBoundTokenExtensions
{
    /// <summary>
    /// Accepts a token whose <c>cnf</c> claim carries <c>x5t#S256</c> (declare a <see cref="TypedJwt.JwtConfirmation"/> member)
    /// only from a TLS connection that presented the client certificate with that SHA-256 thumbprint; other tokens stay
    /// bearer tokens. Kestrel must ask for client certificates (<c>ClientCertificateMode.AllowCertificate</c> or
    /// <c>RequireCertificate</c>, with the validation the deployment needs); a request without one, or with another, is
    /// refused with <see cref="TypedJwt.JwtErrorCode.CertificateMismatch"/>.
    /// </summary>
    public static TypedJwtBearerBuilder AddCertificateBoundTokens(this TypedJwtBearerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<TypedJwtBearerOptions>(builder.AuthenticationScheme, options => options.CertificateBoundTokens = true);
        return builder;
    }
}
