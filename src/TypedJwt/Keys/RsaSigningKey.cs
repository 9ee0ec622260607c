using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// An RS256/384/512 (RSASSA-PKCS1-v1_5) or PS256/384/512 (RSASSA-PSS) key (RFC 7518 §3.3, §3.5) over a BCL <see cref="RSA"/>.
/// The span overloads of <see cref="RSA.TrySignData(ReadOnlySpan{byte}, Span{byte}, HashAlgorithmName, RSASignaturePadding, out int)"/>
/// and <see cref="RSA.VerifyData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, HashAlgorithmName, RSASignaturePadding)"/> allocate nothing.
/// </summary>
internal sealed class RsaSigningKey : JwtSigningKey
{
    /// <summary>RFC 7518 §3.3 and §3.5: a key of 2048 bits or larger MUST be used.</summary>
    internal const int MinimumModulusBits = 2048;

    private readonly RSA _rsa;
    private readonly HashAlgorithmName _hashAlgorithm;
    private readonly RSASignaturePadding _padding;

    internal RsaSigningKey(RSA rsa, JwsAlgorithm algorithm, string? keyId, bool? canSign)
        : base(algorithm, keyId)
    {
        RSAParameters publicParameters = rsa.ExportParameters(includePrivateParameters: false);
        int modulusBits = BigEndianIntegers.BitLength(publicParameters.Modulus);
        if (modulusBits < MinimumModulusBits)
        {
            throw new ArgumentException(
                $"{JwsAlgorithmNames.GetName(algorithm)} requires an RSA modulus of at least {MinimumModulusBits} bits (RFC 7518 §3.3); this key has {modulusBits}.",
                nameof(rsa));
        }

        if (RsaRocaFingerprint.IsFingerprinted(publicParameters.Modulus))
        {
            throw new ArgumentException(
                "The RSA modulus has the ROCA fingerprint (CVE-2017-15361): its private key can be computed from the public key. Replace the key.",
                nameof(rsa));
        }

        if (!IsUsablePublicExponent(publicParameters.Exponent))
        {
            throw new ArgumentException("The RSA public exponent must be an odd number greater than 1.", nameof(rsa));
        }

        _rsa = rsa;
        _hashAlgorithm = JwsAlgorithmParameters.GetHashAlgorithmName(algorithm);

        // RSASignaturePadding.Pss uses a salt as long as the hash and MGF1 with the same hash: exactly the JWA PS* parameters (RFC 7518 §3.5).
        _padding = JwsAlgorithmParameters.GetFamily(algorithm) == JwsAlgorithmFamily.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        SignatureSize = (modulusBits + 7) / 8;

        // null: a caller's instance, whose private part is unknown until tried (the JWK reader knows and passes it).
        CanSign = canSign ?? ProbeCanSign(rsa, SignatureSize);
    }

    public override bool CanSign { get; }

    public override int SignatureSize { get; }

    public override bool TrySign(ReadOnlySpan<byte> signingInput, Span<byte> destination, out int bytesWritten)
    {
        if (!CanSign)
        {
            throw new InvalidOperationException("This RSA key holds only the public key; it can verify but not sign.");
        }

        if (destination.Length < SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        return _rsa.TrySignData(signingInput, destination, _hashAlgorithm, _padding, out bytesWritten);
    }

    public override bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        // An RSA signature is exactly as long as the modulus (RFC 8017 §8.1.2, §8.2.2 step 1).
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        try
        {
            return _rsa.VerifyData(signingInput, signature, _hashAlgorithm, _padding);
        }
        catch (CryptographicException)
        {
            // Some providers throw instead of returning false for a malformed signature; to the caller both are "wrong".
            return false;
        }
    }

    /// <summary>
    /// Whether an <see cref="RSA"/> handed in by the caller can sign. Attempting a signature is the only test that works for
    /// every provider: exporting private parameters fails for non-exportable (HSM, CNG) keys that sign perfectly well.
    /// </summary>
    private static bool ProbeCanSign(RSA rsa, int signatureSize)
    {
        byte[] signature = new byte[signatureSize];
        try
        {
            return rsa.TrySignData("TypedJwt"u8, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out _);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    internal static bool IsUsablePublicExponent(ReadOnlySpan<byte> exponent)
    {
        ReadOnlySpan<byte> trimmed = BigEndianIntegers.TrimLeadingZeros(exponent);
        bool isOne = trimmed.Length == 1 && trimmed[0] == 1;
        return !trimmed.IsEmpty && (trimmed[^1] & 1) == 1 && !isOne;
    }

    private protected override void WritePublicKeyMembers(Utf8JsonWriter writer)
    {
        RSAParameters publicParameters = _rsa.ExportParameters(includePrivateParameters: false);
        writer.WriteString("kty"u8, "RSA"u8);
        writer.WriteString("n"u8, Base64Url.EncodeToString(BigEndianIntegers.TrimLeadingZeros(publicParameters.Modulus)));
        writer.WriteString("e"u8, Base64Url.EncodeToString(BigEndianIntegers.TrimLeadingZeros(publicParameters.Exponent)));
    }
}
