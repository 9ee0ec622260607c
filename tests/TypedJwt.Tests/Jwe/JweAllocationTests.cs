using System.Security.Cryptography;
using System.Text;

namespace TypedJwt.Tests.Jwe;

/// <summary>
/// Allocation budget for encrypted tokens: creating into a caller's span, and validating without materializing, allocate
/// no more than the BCL cipher objects the same work needs when called alone (AesGcm, Aes, IncrementalHash each allocate
/// their managed wrapper and native handle; that is the floor, as ECDsa's is for ES* in the JWS budgets).
/// </summary>
public class JweAllocationTests
{
    private const int Iterations = 50;

    private static readonly byte[] Plaintext = new byte[200];
    private static readonly byte[] Cek32 = RandomNumberGenerator.GetBytes(32);

    public static TheoryData<JweAlgorithm, JweEncryption> Pairs() => new()
    {
        { JweAlgorithm.Direct, JweEncryption.A128GCM },
        { JweAlgorithm.Direct, JweEncryption.A128CbcHS256 },
        { JweAlgorithm.A128KW, JweEncryption.A128GCM },
        { JweAlgorithm.A256KW, JweEncryption.A128CbcHS256 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Creating_into_a_span_allocates_only_what_the_ciphers_allocate(JweAlgorithm algorithm, JweEncryption encryption)
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(algorithm, encryption);
        PatientRecord record = JweTestKit.Record();
        var destination = new byte[2048];

        long ours = AllocatedBy(() => JweWriter.TryWrite(record, key, destination, out _));

        Assert.True(ours <= CipherFloor(algorithm, encryption), $"{ours} B > floor {CipherFloor(algorithm, encryption)} B");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Validating_without_materializing_allocates_only_what_the_ciphers_allocate(JweAlgorithm algorithm, JweEncryption encryption)
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(algorithm, encryption);
        byte[] token = Encoding.ASCII.GetBytes(JweWriter.Write(JweTestKit.Record(), key));
        var validator = new JweValidator<PatientRecord>(key, JweTestKit.Policy());
        Assert.Equal(JwtError.None, validator.Validate(token));

        long ours = AllocatedBy(() => validator.Validate(token));

        Assert.True(ours <= CipherFloor(algorithm, encryption), $"{ours} B > floor {CipherFloor(algorithm, encryption)} B");
    }

    // The same BCL calls the JWE needs, made directly: key wrap (one Aes, 6n ECB blocks) and content encryption (AesGcm, or Aes + HMAC).
    private static long CipherFloor(JweAlgorithm algorithm, JweEncryption encryption)
    {
        int keySize = encryption == JweEncryption.A128GCM ? 16 : 32;
        byte[] cek = Cek32[..keySize];
        byte[] output = new byte[256];
        byte[] block = new byte[16];
        byte[] tag = new byte[32];
        return AllocatedBy(() =>
        {
            if (algorithm != JweAlgorithm.Direct)
            {
                using Aes wrap = Aes.Create();
                wrap.SetKey(Cek32.AsSpan(0, algorithm == JweAlgorithm.A128KW ? 16 : 32));
                // RFC 3394 takes 6 block encryptions per 64-bit half-block of the CEK; each one-shot ECB call allocates in the BCL.
                for (int i = 0; i < 6 * (keySize / 8); i++)
                {
                    wrap.EncryptEcb(block, block, PaddingMode.None);
                }
            }

            if (encryption == JweEncryption.A128GCM)
            {
                using var gcm = new AesGcm(cek, 16);
                gcm.Encrypt(block.AsSpan(0, 12), Plaintext, output.AsSpan(0, Plaintext.Length), tag.AsSpan(0, 16), block);
            }
            else
            {
                using (Aes aes = Aes.Create())
                {
                    aes.SetKey(cek.AsSpan(16));
                    aes.EncryptCbc(Plaintext, block, output, PaddingMode.PKCS7);
                }

                using IncrementalHash hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, cek.AsSpan(0, 16));
                hmac.AppendData(output);
                hmac.GetHashAndReset(tag);
            }
        });
    }

    // The least of three rounds: a per-call allocation shows in every round, while a one-off lazy initialisation inside
    // the BCL (seen once in a full parallel run) shows in at most one.
    private static long AllocatedBy(Action action)
    {
        action();
        action();
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Iterations; i++)
            {
                action();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
