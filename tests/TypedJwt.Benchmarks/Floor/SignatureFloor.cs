using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Floor;

/// <summary>
/// The floor: the work a JWS needs when there is no JSON at all. Creating is base64url of header and payload bytes
/// serialized in advance, the signature primitive over the signing input, and base64url of the signature; validating is
/// finding the two dots, base64url-decoding the three segments and the verification primitive. No library can do less.
/// For HMAC there are two floors: the one-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>,
/// which runs the key schedule on every call, and an <see cref="IncrementalHash"/> keyed once and reused.
/// For RSA and ECDSA the BCL key object already holds the prepared key, so there is one floor.
/// </summary>
internal sealed class SignatureFloor
{
    private readonly ScenarioKeys _keys;
    private readonly byte[] _headerJson;
    private readonly byte[] _payloadJson;
    private readonly byte[] _token;
    private readonly byte[] _signingInput;
    private readonly byte[] _signature;
    private readonly byte[] _destination = new byte[2048];
    private readonly byte[] _scratch = new byte[2048];
    private readonly IncrementalHash? _hmac;
    private readonly RSASignaturePadding? _padding;

    public SignatureFloor(ScenarioKeys keys, string token)
    {
        _keys = keys;
        string[] parts = token.Split('.');
        _headerJson = Base64Url.DecodeFromChars(parts[0]);
        _payloadJson = Base64Url.DecodeFromChars(parts[1]);
        _signature = Base64Url.DecodeFromChars(parts[2]);
        _token = System.Text.Encoding.ASCII.GetBytes(token);
        _signingInput = System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        _hmac = keys.Algorithm == JwsAlgorithm.HS256 ? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.Secret) : null;
        _padding = keys.Algorithm switch
        {
            JwsAlgorithm.RS256 => RSASignaturePadding.Pkcs1,
            JwsAlgorithm.PS256 => RSASignaturePadding.Pss,
            _ => null,
        };
    }

    /// <summary>The token's payload JSON, decoded in advance.</summary>
    public ReadOnlySpan<byte> PayloadJson => _payloadJson;

    /// <summary>Creates the token into a reused buffer; returns its length.</summary>
    public int Create(bool reuseHmac)
    {
        Span<byte> destination = _destination;
        int headerLength = Base64Url.EncodeToUtf8(_headerJson, destination);
        destination[headerLength] = (byte)'.';
        int signingInputLength = headerLength + 1 + Base64Url.EncodeToUtf8(_payloadJson, destination.Slice(headerLength + 1));
        destination[signingInputLength] = (byte)'.';

        Span<byte> signature = stackalloc byte[256];
        int signatureLength = Sign(destination.Slice(0, signingInputLength), signature, reuseHmac);
        return signingInputLength + 1 + Base64Url.EncodeToUtf8(signature.Slice(0, signatureLength), destination.Slice(signingInputLength + 1));
    }

    /// <summary>Checks the token as bytes: split, decode the three segments, verify.</summary>
    public bool Validate(bool reuseHmac) => TryVerify(reuseHmac, out _);

    /// <summary>
    /// <see cref="Validate"/> with reused HMAC state, then one <see cref="Utf8JsonReader"/> pass over the decoded payload
    /// that reads every token and looks at no value: what any validator that reads the claims with System.Text.Json's
    /// reader pays at least, before it checks or keeps a single claim. Returns the number of tokens, or -1.
    /// </summary>
    public int ValidateAndTokenize()
    {
        if (!TryVerify(reuseHmac: true, out Range payload))
        {
            return -1;
        }

        var reader = new Utf8JsonReader(_scratch.AsSpan()[payload]);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary><see cref="Validate"/> with reused HMAC state; <paramref name="payload"/> is the decoded payload JSON, in a reused buffer.</summary>
    public bool TryVerifyReused(out ReadOnlySpan<byte> payload)
    {
        bool verified = TryVerify(reuseHmac: true, out Range range);
        payload = _scratch.AsSpan()[range];
        return verified;
    }

    /// <summary>
    /// The reused HMAC state over no input at all: what every MAC costs before its first byte (the native calls that append,
    /// finalize and reset), as opposed to the hashing that grows with the token.
    /// </summary>
    public int HmacOfNoInput()
    {
        Span<byte> mac = stackalloc byte[32];
        _hmac!.AppendData(ReadOnlySpan<byte>.Empty);
        return _hmac.GetHashAndReset(mac);
    }

    // Split at the dots, decode the three segments into the scratch, verify; the decoded payload is scratch[payload].
    private bool TryVerify(bool reuseHmac, out Range payload)
    {
        ReadOnlySpan<byte> token = _token;
        int firstDot = token.IndexOf((byte)'.');
        int secondDot = token.LastIndexOf((byte)'.');
        Span<byte> scratch = _scratch;
        int header = Base64Url.DecodeFromUtf8(token.Slice(0, firstDot), scratch);
        int payloadLength = Base64Url.DecodeFromUtf8(token.Slice(firstDot + 1, secondDot - firstDot - 1), scratch.Slice(header));
        payload = new Range(header, header + payloadLength);
        Span<byte> signature = scratch.Slice(header + payloadLength);
        int signatureLength = Base64Url.DecodeFromUtf8(token.Slice(secondDot + 1), signature);
        return Verify(token.Slice(0, secondDot), signature.Slice(0, signatureLength), reuseHmac);
    }

    /// <summary>The signature primitive alone, over a signing input prepared in advance.</summary>
    public int SignPrimitive(bool reuseHmac)
    {
        Span<byte> signature = stackalloc byte[256];
        return Sign(_signingInput, signature, reuseHmac);
    }

    /// <summary>The verification primitive alone, over a signing input and signature decoded in advance.</summary>
    public bool VerifyPrimitive(bool reuseHmac) => Verify(_signingInput, _signature, reuseHmac);

    private int Sign(ReadOnlySpan<byte> signingInput, Span<byte> destination, bool reuseHmac)
    {
        int written;
        switch (_keys.Algorithm)
        {
            case JwsAlgorithm.HS256 when reuseHmac:
                _hmac!.AppendData(signingInput);
                return _hmac.GetHashAndReset(destination);
            case JwsAlgorithm.HS256:
                return HMACSHA256.HashData(_keys.Secret, signingInput, destination);
            case JwsAlgorithm.ES256:
                _keys.Ecdsa!.TrySignData(signingInput, destination, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out written);
                return written;
            default:
                _keys.Rsa!.TrySignData(signingInput, destination, HashAlgorithmName.SHA256, _padding!, out written);
                return written;
        }
    }

    private bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature, bool reuseHmac)
    {
        switch (_keys.Algorithm)
        {
            case JwsAlgorithm.HS256:
                Span<byte> mac = stackalloc byte[32];
                Sign(signingInput, mac, reuseHmac);
                return CryptographicOperations.FixedTimeEquals(mac, signature);
            case JwsAlgorithm.ES256:
                return _keys.Ecdsa!.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            default:
                return _keys.Rsa!.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, _padding!);
        }
    }
}
