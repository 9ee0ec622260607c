using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// ECDH-ES and ECDH-ES+A128KW/A256KW (RFC 7518 §4.6) on P-256, P-384 and P-521. Encrypting makes an ephemeral key on the
/// recipient's curve; decrypting reads the sender's ephemeral public key (<c>epk</c>) strictly (<c>kty</c> EC, the key's own
/// <c>crv</c>, coordinates of exactly the field size) and imports it through the platform, which refuses points that are not
/// on the curve, so invalid-curve attacks never reach the key agreement. Z goes through the Concat KDF with SHA-256.
/// </summary>
internal sealed class EcdhEncryptionKey : JwtEncryptionKey
{
    // apu/apv carry party identities, not bulk data; longer values are refused rather than buffered.
    private const int MaxPartyInfoLength = 256;

    private readonly ECDiffieHellman _ecdh;
    private readonly ECCurve _curve;
    private readonly int _fieldSize;
    private readonly byte[] _curveNameUtf8;
    private readonly bool _canDecrypt;

    public EcdhEncryptionKey(ECDiffieHellman ecdh, JweAlgorithm algorithm, JweEncryption encryption, string? keyId, bool? canDecrypt)
        : base(algorithm, encryption, keyId)
    {
        ECParameters publicParameters = ecdh.ExportParameters(includePrivateParameters: false);
        CurveName = JweCurves.GetName(publicParameters)
            ?? throw new ArgumentException("ECDH-ES keys must be on P-256, P-384 or P-521 (RFC 7518 §6.2.1.1).", nameof(ecdh));
        _curve = JweCurves.GetCurve(CurveName);
        _fieldSize = JweCurves.GetFieldSize(CurveName);
        _curveNameUtf8 = System.Text.Encoding.ASCII.GetBytes(CurveName);
        _ecdh = ecdh;
        _canDecrypt = canDecrypt ?? HasPrivateKey(ecdh);
    }

    public override bool CanDecrypt => _canDecrypt;

    internal override string CurveName { get; }

    internal override int EphemeralKeySize => 2 * _fieldSize;

    internal override int EncryptedKeySize => Algorithm == JweAlgorithm.EcdhEs ? 0 : JweAlgorithmParameters.GetContentKeySize(Encryption) + 8;

    internal override int CreateContentKey(Span<byte> cek, Span<byte> encryptedKey, Span<byte> ephemeralPublicKey)
    {
        using ECDiffieHellman ephemeral = ECDiffieHellman.Create(_curve);
        ECParameters parameters = ephemeral.ExportParameters(includePrivateParameters: false);
        parameters.Q.X.CopyTo(ephemeralPublicKey);
        parameters.Q.Y.CopyTo(ephemeralPublicKey.Slice(_fieldSize));
        using ECDiffieHellmanPublicKey recipient = _ecdh.PublicKey;
        byte[] z = ephemeral.DeriveRawSecretAgreement(recipient);
        try
        {
            DeriveContentKey(z, default, default, cek, default, encryptedKey);
            return EncryptedKeySize;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(z);
        }
    }

    internal override bool TryRecoverContentKey(ReadOnlySpan<byte> encryptedKey, ReadOnlySpan<byte> headerJson, in JweHeader header, Span<byte> cek)
    {
        if (!_canDecrypt || !header.HasEphemeralKey || encryptedKey.Length != EncryptedKeySize)
        {
            return false;
        }

        Span<byte> partyU = stackalloc byte[MaxPartyInfoLength];
        Span<byte> partyV = stackalloc byte[MaxPartyInfoLength];
        if (!TryDecodePartyInfo(headerJson[header.PartyUInfo], partyU, out int partyULength)
            || !TryDecodePartyInfo(headerJson[header.PartyVInfo], partyV, out int partyVLength))
        {
            return false;
        }

        byte[]? z = TryDeriveSharedSecret(headerJson[header.EphemeralKey]);
        if (z is null)
        {
            return false;
        }

        try
        {
            return DeriveContentKey(z, partyU.Slice(0, partyULength), partyV.Slice(0, partyVLength), cek, encryptedKey, default);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(z);
        }
    }

    /// <summary>Reads an <c>epk</c> JWK strictly and agrees Z with it; null when the JWK or its point is refused.</summary>
    internal byte[]? TryDeriveSharedSecret(ReadOnlySpan<byte> ephemeralJwk)
    {
        if (!TryReadEphemeralKey(ephemeralJwk, out ECParameters parameters))
        {
            return null;
        }

        try
        {
            // Import validates the point: off-curve (invalid-curve attack) and the point at infinity throw here.
            using ECDiffieHellman sender = ECDiffieHellman.Create(parameters);
            using ECDiffieHellmanPublicKey senderPublic = sender.PublicKey;
            return _ecdh.DeriveRawSecretAgreement(senderPublic);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    // ECDH-ES: the KDF output is the CEK (AlgorithmID = enc). +A*KW: it is the key-encryption key (AlgorithmID = alg), which
    // wraps a fresh CEK into wrapDestination when encrypting, or unwraps 'wrapped' when decrypting.
    private bool DeriveContentKey(byte[] z, ReadOnlySpan<byte> partyU, ReadOnlySpan<byte> partyV, Span<byte> cek, ReadOnlySpan<byte> wrapped, Span<byte> wrapDestination)
    {
        if (Algorithm == JweAlgorithm.EcdhEs)
        {
            ConcatKdf.DeriveKey(z, JweAlgorithmNames.GetUtf8Name(Encryption), partyU, partyV, cek);
            return true;
        }

        Span<byte> kek = stackalloc byte[32];
        kek = kek.Slice(0, JweAlgorithmParameters.GetKeyWrapKeySize(Algorithm));
        try
        {
            ConcatKdf.DeriveKey(z, JweAlgorithmNames.GetUtf8Name(Algorithm), partyU, partyV, kek);
            if (!wrapDestination.IsEmpty)
            {
                RandomNumberGenerator.Fill(cek);
                AesKeyWrap.Wrap(kek, cek, wrapDestination);
                return true;
            }

            return AesKeyWrap.TryUnwrap(kek, wrapped, cek);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    private static bool TryDecodePartyInfo(ReadOnlySpan<byte> encoded, Span<byte> destination, out int length)
    {
        length = 0;
        return encoded.IsEmpty
            || (JwtBase64Url.GetMaxDecodedLength(encoded.Length) <= destination.Length && JwtBase64Url.TryDecode(encoded, destination, out length));
    }

    private bool TryReadEphemeralKey(ReadOnlySpan<byte> json, out ECParameters parameters)
    {
        parameters = default;
        var reader = new Utf8JsonReader(json);
        byte[]? x = null, y = null;
        bool isEc = false, sameCurve = false;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (JwtJson.ValueTextEquals(in reader, "kty"u8))
                {
                    reader.Read();
                    isEc = !isEc && reader.TokenType == JsonTokenType.String && JwtJson.ValueTextEquals(in reader, "EC"u8);
                    if (!isEc)
                    {
                        return false;
                    }
                }
                else if (JwtJson.ValueTextEquals(in reader, "crv"u8))
                {
                    reader.Read();
                    sameCurve = !sameCurve && reader.TokenType == JsonTokenType.String && JwtJson.ValueTextEquals(in reader, _curveNameUtf8);
                    if (!sameCurve)
                    {
                        return false;
                    }
                }
                else if (JwtJson.ValueTextEquals(in reader, "x"u8) || JwtJson.ValueTextEquals(in reader, "y"u8))
                {
                    bool isX = JwtJson.ValueTextEquals(in reader, "x"u8);
                    reader.Read();
                    byte[]? coordinate = ReadCoordinate(ref reader);
                    if (coordinate is null || (isX ? x : y) is not null)
                    {
                        return false;
                    }

                    if (isX)
                    {
                        x = coordinate;
                    }
                    else
                    {
                        y = coordinate;
                    }
                }
                else if (JwtJson.ValueTextEquals(in reader, "d"u8))
                {
                    // An ephemeral public key with a private part is not what a sender publishes; refuse it outright.
                    return false;
                }
                else if (!JwtJson.TrySkipValue(ref reader, "epk", JwtReadOptions.DefaultMaxArrayLength, out _))
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (!isEc || !sameCurve || x is null || y is null)
        {
            return false;
        }

        parameters = new ECParameters { Curve = _curve, Q = new ECPoint { X = x, Y = y } };
        return true;
    }

    // RFC 7518 §6.2.1.2/3: each coordinate is exactly the field size, in strict base64url.
    private byte[]? ReadCoordinate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }

        byte[] value = new byte[JwtBase64Url.GetMaxDecodedLength(reader.ValueSpan.Length)];
        return JwtBase64Url.TryDecode(reader.ValueSpan, value, out int length) && length == _fieldSize ? value[..length] : null;
    }

    // A caller's instance may hold a non-exportable private key, so the private part is probed by using it once.
    private static bool HasPrivateKey(ECDiffieHellman ecdh)
    {
        try
        {
            using ECDiffieHellmanPublicKey own = ecdh.PublicKey;
            CryptographicOperations.ZeroMemory(ecdh.DeriveRawSecretAgreement(own));
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
