using System;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;

namespace TypedJwt;

/// <summary>
/// An HS256/384/512 key (RFC 7518 §3.2); the key is a private copy the caller cannot change afterwards. The MAC is computed
/// with keyed state prepared once per key and thread: the one-shot HMAC APIs run the key schedule (two hash blocks and,
/// on OpenSSL, a fresh MAC context) on every call, which costs more than hashing a whole token. Signing and verifying
/// allocate nothing once a thread has its state for this key.
/// </summary>
internal sealed class HmacSigningKey : JwtSigningKey
{
    private readonly byte[] _key;

    // One keyed IncrementalHash per thread, owned by this key alone: IncrementalHash is not thread-safe, and keeping the
    // state on the key (not in a per-thread cache shared by keys) means no thread can ever MAC with another key's state.
    // A thread's state is dropped with the thread or with the key; SafeHandle finalization frees the native context.
    private readonly ThreadLocal<IncrementalHash> _state;

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
        HashAlgorithmName hash = JwsAlgorithmParameters.GetHashAlgorithmName(algorithm);
        byte[] secret = _key;
        _state = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(hash, secret));
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

    private int ComputeMac(ReadOnlySpan<byte> signingInput, Span<byte> destination)
    {
        IncrementalHash state = _state.Value!;
        try
        {
            state.AppendData(signingInput);
            return state.GetHashAndReset(destination);
        }
        catch
        {
            // State that failed half-way may hold input it never reset; the next call on this thread starts afresh.
            _state.Value = IncrementalHash.CreateHMAC(state.AlgorithmName, _key);
            state.Dispose();
            throw;
        }
    }
}
