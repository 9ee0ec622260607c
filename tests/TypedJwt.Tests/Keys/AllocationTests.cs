using System.Security.Cryptography;
using System.Text;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// Allocation gates for signing and verifying (design.md: what TypedJwt allocates beyond the BCL primitive it calls).
/// Measured on the current thread after a warm-up, so JIT tiering and first-call caches do not count.
/// </summary>
public class AllocationTests
{
    private const int Iterations = 50;
    private static readonly byte[] Input = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDAwMH0");

    [Theory]
    [InlineData(JwsAlgorithm.HS256)]
    [InlineData(JwsAlgorithm.HS512)]
    [InlineData(JwsAlgorithm.RS256)]
    [InlineData(JwsAlgorithm.PS256)]
    public void Signing_allocates_nothing(JwsAlgorithm algorithm)
    {
        JwtSigningKey key = SigningKeyTests.PrivateKey(algorithm);
        byte[] signature = new byte[key.SignatureSize];
        Assert.Equal(0, Measure(() => key.TrySign(Input, signature, out _)));
    }

    [Theory]
    [InlineData(JwsAlgorithm.HS256)]
    [InlineData(JwsAlgorithm.HS512)]
    [InlineData(JwsAlgorithm.RS256)]
    [InlineData(JwsAlgorithm.PS256)]
    public void Verifying_allocates_nothing(JwsAlgorithm algorithm)
    {
        JwtSigningKey key = SigningKeyTests.PrivateKey(algorithm);
        byte[] signature = new byte[key.SignatureSize];
        Assert.True(key.TrySign(Input, signature, out _));
        Assert.Equal(0, Measure(() => Assert.True(key.Verify(Input, signature))));
        Assert.Equal(0, Measure(() => key.Verify(Input, signature.AsSpan(1))));
    }

    [Fact]
    public void Ecdsa_signing_allocates_no_more_than_the_bcl_primitive()
    {
        // design.md lists ECDsa.TrySignData at 0 B, but on this machine (.NET 10, OpenSSL) the P1363 path allocates about
        // 200 B per call inside the BCL; the gate is therefore "nothing beyond the primitive", as for verification.
        using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JwtSigningKey key = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256);
        byte[] signature = new byte[key.SignatureSize];

        long primitive = Measure(() => ecdsa.TrySignData(Input, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out _));
        long wrapped = Measure(() => Assert.True(key.TrySign(Input, signature, out _)));
        Assert.True(wrapped <= primitive, $"TrySign allocated {wrapped} B for {Iterations} calls; the primitive alone {primitive} B.");
    }

    [Fact]
    public void Ecdsa_verifying_allocates_no_more_than_the_bcl_primitive()
    {
        // ECDsa.VerifyData allocates inside the BCL (about 1.2 KB per call); TypedJwt must add nothing on top.
        using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JwtSigningKey key = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256);
        byte[] signature = new byte[key.SignatureSize];
        Assert.True(key.TrySign(Input, signature, out _));

        long primitive = Measure(() => ecdsa.VerifyData(Input, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        long wrapped = Measure(() => Assert.True(key.Verify(Input, signature)));
        Assert.True(wrapped <= primitive, $"Verify allocated {wrapped} B for {Iterations} calls; the primitive alone {primitive} B.");
    }

    [Fact]
    public void Resolving_a_key_allocates_nothing()
    {
        var set = new JwtKeySet(
        [
            JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, new byte[32], "first"),
            JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, new byte[32], "second"),
        ]);
        Assert.Equal(0, Measure(() => Assert.True(set.TryResolve("second"u8, hasKid: true, out _))));
        Assert.Equal(0, Measure(() => Assert.True(JwsAlgorithmNames.TryParse("PS384"u8, out _))));
    }

    private static long Measure(Action action)
    {
        for (int i = 0; i < Iterations; i++)
        {
            action();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
