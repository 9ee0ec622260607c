using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The <c>cnf</c> (confirmation) claim of RFC 7800 §3.1, with the two confirmation methods of sender-constrained tokens:
/// <c>jkt</c>, the RFC 7638 JWK SHA-256 thumbprint of the key a DPoP proof must be signed with (RFC 9449 §6.1), and
/// <c>x5t#S256</c>, the SHA-256 thumbprint of the client certificate a mutual-TLS request must present (RFC 8705 §3.1).
/// Declare it on any <see cref="JwtPayloadAttribute"/> type: <c>[JwtClaim("cnf")] public JwtConfirmation? Confirmation { get; init; }</c>.
/// Other confirmation members (<c>jwk</c>, <c>kid</c>, ...) are skipped strictly, as unknown claims are.
/// </summary>
public sealed record JwtConfirmation : IJwtClaimSet<JwtConfirmation>
{
    /// <summary><c>jkt</c>: the base64url RFC 7638 SHA-256 thumbprint of the DPoP proof key (see <see cref="JwkThumbprint"/>).</summary>
    public string? JwkThumbprint { get; init; }

    /// <summary><c>x5t#S256</c>: the base64url SHA-256 thumbprint of the DER client certificate (RFC 8705 §3.1).</summary>
    public string? X509CertificateThumbprint { get; init; }

    /// <summary>Creates a confirmation that binds a token to a DPoP proof key by its RFC 7638 thumbprint.</summary>
    public static JwtConfirmation ForJwkThumbprint(string jwkThumbprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(jwkThumbprint);
        return new JwtConfirmation { JwkThumbprint = jwkThumbprint };
    }

    /// <inheritdoc/>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (JwkThumbprint is not null)
        {
            writer.WriteString("jkt"u8, JwkThumbprint);
        }

        if (X509CertificateThumbprint is not null)
        {
            writer.WriteString("x5t#S256"u8, X509CertificateThumbprint);
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc/>
    public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out JwtConfirmation value, out JwtError error)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, "cnf");
            return false;
        }

        string? jkt = null;
        string? x5t = null;
        var names = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!names.TryAdd(in reader))
                {
                    error = JwtJson.DuplicateMember(in reader);
                    return false;
                }

                if (JwtJson.ValueTextEquals(in reader, "jkt"u8))
                {
                    reader.Read();
                    if (!JwtClaimReader.TryReadString(ref reader, "jkt", out jkt!, out error))
                    {
                        return false;
                    }
                }
                else if (JwtJson.ValueTextEquals(in reader, "x5t#S256"u8))
                {
                    reader.Read();
                    if (!JwtClaimReader.TryReadString(ref reader, "x5t#S256", out x5t!, out error))
                    {
                        return false;
                    }
                }
                else if (!JwtJson.TrySkipValue(ref reader, "cnf", options.MaxArrayLength, out error))
                {
                    return false;
                }
            }
        }
        finally
        {
            names.Dispose();
        }

        value = new JwtConfirmation { JwkThumbprint = jkt, X509CertificateThumbprint = x5t };
        error = default;
        return true;
    }

    /// <summary>
    /// A thumbprint that is present must be 43 characters of base64url: the SHA-256 output's unpadded encoding. Anything
    /// else could never match a computed thumbprint, so it is reported as the claim's value rather than as a later mismatch.
    /// </summary>
    public JwtError ValidateConstraints() =>
        JwkThumbprint is not null && !IsSha256Base64Url(JwkThumbprint) ? JwtError.Create(JwtErrorCode.InvalidClaimValue, "jkt")
        : X509CertificateThumbprint is not null && !IsSha256Base64Url(X509CertificateThumbprint) ? JwtError.Create(JwtErrorCode.InvalidClaimValue, "x5t#S256")
        : default;

    private static bool IsSha256Base64Url(string value)
    {
        if (value.Length != 43)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
