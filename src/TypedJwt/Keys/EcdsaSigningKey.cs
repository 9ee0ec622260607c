using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// An ES256/384/512 key (RFC 7518 §3.4) over a BCL <see cref="ECDsa"/> on the one curve the algorithm names. The JWS
/// signature is the fixed-length R || S concatenation (IEEE P1363), never DER.
/// </summary>
internal sealed class EcdsaSigningKey : JwtSigningKey
{
    private readonly ECDsa _ecdsa;
    private readonly HashAlgorithmName _hashAlgorithm;

    internal EcdsaSigningKey(ECDsa ecdsa, JwsAlgorithm algorithm, string? keyId, bool? canSign)
        : base(algorithm, keyId)
    {
        if (!IsOnCurveOf(ecdsa, algorithm))
        {
            throw new ArgumentException(
                $"{JwsAlgorithmNames.GetName(algorithm)} requires a key on curve {JwsAlgorithmParameters.GetCurveName(algorithm)} (RFC 7518 §3.4); this key is on another curve.",
                nameof(ecdsa));
        }

        _ecdsa = ecdsa;
        _hashAlgorithm = JwsAlgorithmParameters.GetHashAlgorithmName(algorithm);
        SignatureSize = 2 * JwsAlgorithmParameters.GetFieldSize(algorithm);

        // null: a caller's instance, whose private part is unknown until tried (the JWK reader knows and passes it).
        CanSign = canSign ?? ProbeCanSign(ecdsa, SignatureSize);
    }

    public override bool CanSign { get; }

    public override int SignatureSize { get; }

    public override bool TrySign(ReadOnlySpan<byte> signingInput, Span<byte> destination, out int bytesWritten)
    {
        if (!CanSign)
        {
            throw new InvalidOperationException("This EC key holds only the public key; it can verify but not sign.");
        }

        if (destination.Length < SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        return _ecdsa.TrySignData(signingInput, destination, _hashAlgorithm, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out bytesWritten);
    }

    public override bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        // R and S are each exactly one field element long (RFC 7518 §3.4); a shorter or longer encoding is not a JWS signature.
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        try
        {
            return _ecdsa.VerifyData(signingInput, signature, _hashAlgorithm, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether an <see cref="ECDsa"/> handed in by the caller can sign; trying a signature is the one test that also works for non-exportable keys.</summary>
    private static bool ProbeCanSign(ECDsa ecdsa, int signatureSize)
    {
        byte[] signature = new byte[signatureSize];
        try
        {
            return ecdsa.TrySignData("TypedJwt"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out _);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsOnCurveOf(ECDsa ecdsa, JwsAlgorithm algorithm)
    {
        ECCurve curve = ecdsa.ExportParameters(includePrivateParameters: false).Curve;
        if (!curve.IsNamed || curve.Oid is null)
        {
            // An explicit curve might have the right size and the wrong equation; only the named NIST curves are accepted.
            return false;
        }

        System.Security.Cryptography.Oid expected = JwsAlgorithmParameters.GetCurve(algorithm).Oid;
        if (curve.Oid.Value is not null)
        {
            return string.Equals(curve.Oid.Value, expected.Value, StringComparison.Ordinal);
        }

        return string.Equals(curve.Oid.FriendlyName, expected.FriendlyName, StringComparison.OrdinalIgnoreCase);
    }

    private protected override void WritePublicKeyMembers(Utf8JsonWriter writer)
    {
        ECPoint q = _ecdsa.ExportParameters(includePrivateParameters: false).Q;
        int fieldSize = JwsAlgorithmParameters.GetFieldSize(Algorithm);

        // RFC 7518 §6.2.1.2/3: coordinates are always the full field size, leading zeros included.
        writer.WriteString("kty"u8, "EC"u8);
        writer.WriteString("crv"u8, JwsAlgorithmParameters.GetCurveName(Algorithm));
        writer.WriteString("x"u8, Base64Url.EncodeToString(ToFieldElement(q.X, fieldSize)));
        writer.WriteString("y"u8, Base64Url.EncodeToString(ToFieldElement(q.Y, fieldSize)));
    }

    private static byte[] ToFieldElement(byte[]? coordinate, int fieldSize) =>
        BigEndianIntegers.ToFixedLength(coordinate, fieldSize)
        ?? throw new CryptographicException("The EC key exported a coordinate longer than its curve's field.");
}
