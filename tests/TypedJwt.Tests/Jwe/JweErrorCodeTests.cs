namespace TypedJwt.Tests.Jwe;

/// <summary>The error codes added for encrypted tokens keep their numbers: they are logged and compared across versions.</summary>
public class JweErrorCodeTests
{
    [Theory]
    [InlineData(JwtErrorCode.SignedTokenNotExpected, 9)]
    [InlineData(JwtErrorCode.UnsupportedEncryption, 29)]
    [InlineData(JwtErrorCode.CompressionRejected, 30)]
    [InlineData(JwtErrorCode.InvalidContentType, 31)]
    [InlineData(JwtErrorCode.ReplicatedClaimMismatch, 32)]
    [InlineData(JwtErrorCode.DecryptionFailed, 41)]
    public void Codes_are_stable(JwtErrorCode code, int value) => Assert.Equal(value, (int)code);

    [Fact]
    public void Decryption_failure_says_nothing_about_which_step_failed() =>
        Assert.Equal("The token does not decrypt with the key.", JwtError.Create(JwtErrorCode.DecryptionFailed).Message);

    [Fact]
    public void Algorithm_mismatch_names_alg_or_enc()
    {
        Assert.Contains("'enc'", JwtError.Create(JwtErrorCode.AlgorithmMismatch, "enc").Message);
        Assert.Contains("'alg'", JwtError.Create(JwtErrorCode.AlgorithmMismatch).Message);
    }
}
