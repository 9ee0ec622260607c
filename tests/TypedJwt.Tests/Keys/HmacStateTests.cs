using System.Security.Cryptography;
using System.Text;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// HMAC keys keep keyed state per key and thread (HmacSigningKey); these tests pin what that must never change: every
/// MAC equals the one-shot HMAC of the same key, whichever threads and keys interleave.
/// </summary>
public class HmacStateTests
{
    [Theory]
    [InlineData(JwsAlgorithm.HS256)]
    [InlineData(JwsAlgorithm.HS384)]
    [InlineData(JwsAlgorithm.HS512)]
    public void Keys_used_alternately_on_many_threads_each_MAC_with_their_own_key(JwsAlgorithm algorithm)
    {
        int size = algorithm switch { JwsAlgorithm.HS256 => 32, JwsAlgorithm.HS384 => 48, _ => 64 };
        byte[][] secrets = [RandomNumberGenerator.GetBytes(size), RandomNumberGenerator.GetBytes(size), RandomNumberGenerator.GetBytes(size)];
        JwtSigningKey[] keys = [.. secrets.Select(secret => JwtSigningKey.CreateHmac(algorithm, secret))];

        Parallel.For(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int which = i % keys.Length;
            byte[] input = Encoding.ASCII.GetBytes($"eyJhbGciOiJIUzI1NiJ9.{i}");
            byte[] signature = new byte[keys[which].SignatureSize];
            Assert.True(keys[which].TrySign(input, signature, out int written));
            Assert.Equal(OneShot(algorithm, secrets[which], input), signature.AsSpan(0, written).ToArray());
            Assert.True(keys[which].Verify(input, signature));
            Assert.False(keys[(which + 1) % keys.Length].Verify(input, signature));
        });
    }

    [Fact]
    public void A_signature_refused_for_a_too_small_destination_leaves_the_next_MAC_correct()
    {
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        JwtSigningKey key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, secret);
        Assert.False(key.TrySign("a.b"u8, new byte[31], out _));

        byte[] signature = new byte[32];
        Assert.True(key.TrySign("c.d"u8, signature, out _));
        Assert.Equal(HMACSHA256.HashData(secret, "c.d"u8), signature);
    }

    private static byte[] OneShot(JwsAlgorithm algorithm, byte[] secret, byte[] input) => algorithm switch
    {
        JwsAlgorithm.HS256 => HMACSHA256.HashData(secret, input),
        JwsAlgorithm.HS384 => HMACSHA384.HashData(secret, input),
        _ => HMACSHA512.HashData(secret, input),
    };
}
