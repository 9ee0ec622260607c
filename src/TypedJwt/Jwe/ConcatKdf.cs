using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>
/// The Concat KDF of NIST SP 800-56A §5.8.1 with SHA-256, as ECDH-ES uses it (RFC 7518 §4.6.2): OtherInfo is AlgorithmID,
/// PartyUInfo (<c>apu</c>), PartyVInfo (<c>apv</c>), each length-prefixed, then SuppPubInfo (the key length in bits).
/// </summary>
internal static class ConcatKdf
{
    public static void DeriveKey(ReadOnlySpan<byte> z, ReadOnlySpan<byte> algorithmId, ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo, Span<byte> key)
    {
        using IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[4];
        Span<byte> round = stackalloc byte[32];
        int written = 0;
        for (uint counter = 1; written < key.Length; counter++)
        {
            AppendUInt32(sha256, number, counter);
            sha256.AppendData(z);
            AppendUInt32(sha256, number, (uint)algorithmId.Length);
            sha256.AppendData(algorithmId);
            AppendUInt32(sha256, number, (uint)partyUInfo.Length);
            sha256.AppendData(partyUInfo);
            AppendUInt32(sha256, number, (uint)partyVInfo.Length);
            sha256.AppendData(partyVInfo);
            AppendUInt32(sha256, number, (uint)key.Length * 8);
            sha256.GetHashAndReset(round);
            int take = Math.Min(round.Length, key.Length - written);
            round.Slice(0, take).CopyTo(key.Slice(written));
            written += take;
        }

        CryptographicOperations.ZeroMemory(round);
    }

    private static void AppendUInt32(IncrementalHash hash, Span<byte> buffer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
