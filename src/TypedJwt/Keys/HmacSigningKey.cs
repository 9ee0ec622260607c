using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// An HS256/384/512 key (RFC 7518 §3.2). The MAC is computed with the static span HMAC APIs, so signing and verifying
/// allocate nothing; the key is a private copy the caller cannot change afterwards.
/// </summary>
internal sealed class HmacSigningKey : JwtSigningKey
{
    private readonly byte[] _key;

    internal HmacSigningKey(JwsAlgorithm algorithm, ReadOnlySpan<byte> key, string? keyId)
        : base(algorithm, keyId)
    {
        int hashSize = JwsAlgorithmParameters.GetHashSize(algorithm);
        if (key.Length < hashSize)
        {
            throw new ArgumentException(
                $"{JwsAlgorithmNames.GetName(algorithm)} requires a key of at least {hashSize} bytes ({hashSize * 8} bits), the size of the hash output (RFC 7518 §3.2); the key given has {key.Length} bytes.",
                nameof(key));
        }

        _key = key.ToArray();
        SignatureSize = hashSize;
    }

    public override bool CanSign => true;

    public override int SignatureSize { get; }

    public override bool TrySign(ReadOnlySpan<byte> signingInput, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = ComputeMac(signingInput, destination);
        return true;
    }

    public override bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        // JWS never truncates the MAC (RFC 7518 §3.2), so any other length is a wrong signature, not a shorter one to compare.
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[64];
        int written = ComputeMac(signingInput, mac);
        bool valid = CryptographicOperations.FixedTimeEquals(mac.Slice(0, written), signature);
        CryptographicOperations.ZeroMemory(mac);
        return valid;
    }

    private protected override void WritePublicKeyMembers(Utf8JsonWriter writer) =>
        throw new InvalidOperationException("An HMAC key is a shared secret and has no public part to publish as a JWK.");

    private int ComputeMac(ReadOnlySpan<byte> signingInput, Span<byte> destination) => Algorithm switch
    {
        JwsAlgorithm.HS256 => HMACSHA256.HashData(_key, signingInput, destination),
        JwsAlgorithm.HS384 => HMACSHA384.HashData(_key, signingInput, destination),
        _ => HMACSHA512.HashData(_key, signingInput, destination),
    };
}
