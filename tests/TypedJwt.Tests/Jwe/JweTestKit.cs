using System.Security.Cryptography;
using System.Text;
using TypedJwt.Tests.Jws;

namespace TypedJwt.Tests.Jwe;

/// <summary>Keys of every supported alg/enc pair, a valid record, and a way to make hand-made JWE tokens for the header tests.</summary>
internal static class JweTestKit
{
    public static readonly RSA Rsa = RSA.Create(2048);

    public static readonly ECDiffieHellman P256 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public static IEnumerable<(JweAlgorithm Algorithm, JweEncryption Encryption)> AllPairs() =>
        from algorithm in Enum.GetValues<JweAlgorithm>()
        from encryption in Enum.GetValues<JweEncryption>()
        select (algorithm, encryption);

    public static JwtEncryptionKey KeyFor(JweAlgorithm algorithm, JweEncryption encryption, string? keyId = "e1", byte seed = 1) => algorithm switch
    {
        JweAlgorithm.Direct => JwtEncryptionKey.CreateDirect(encryption, Bytes(ContentKeySize(encryption), seed), keyId),
        JweAlgorithm.A128KW => JwtEncryptionKey.CreateAesKeyWrap(algorithm, encryption, Bytes(16, seed), keyId),
        JweAlgorithm.A256KW => JwtEncryptionKey.CreateAesKeyWrap(algorithm, encryption, Bytes(32, seed), keyId),
        JweAlgorithm.EcdhEs or JweAlgorithm.EcdhEsA128KW or JweAlgorithm.EcdhEsA256KW => JwtEncryptionKey.FromECDiffieHellman(P256, algorithm, encryption, keyId),
        _ => JwtEncryptionKey.FromRsa(Rsa, algorithm, encryption, keyId),
    };

    public static int ContentKeySize(JweEncryption encryption) => encryption switch
    {
        JweEncryption.A128GCM => 16,
        JweEncryption.A256CbcHS512 => 64,
        _ => 32,
    };

    public static byte[] Bytes(int length, byte seed) => Enumerable.Range(seed, length).Select(i => (byte)i).ToArray();

    public static PatientRecord Record(long expiresIn = 600) => new()
    {
        Issuer = "https://issuer.example",
        Audience = "api",
        ExpiresAt = ValidatorTestKit.Now.AddSeconds(expiresIn),
        Subject = "patient-17",
        Diagnosis = "J45.909",
        DateOfBirth = new DateOnly(1990, 4, 1),
    };

    public static JwtValidationPolicy Policy() => ValidatorTestKit.Policy();

    /// <summary>
    /// The policy for a plain JWE with a key of <paramref name="algorithm"/>. A token encrypted to a public key (RSA-OAEP,
    /// ECDH-ES) authenticates no sender, so <see cref="JweValidator{TPayload}"/> refuses it unless the policy opts in; the
    /// tests that exercise decryption with every algorithm opt in here, by name. The refusal is tested in UnauthenticatedSenderTests.
    /// </summary>
    public static JwtValidationPolicy PolicyFor(JweAlgorithm algorithm) => algorithm is JweAlgorithm.Direct or JweAlgorithm.A128KW or JweAlgorithm.A256KW
        ? Policy()
        : AcceptingUnauthenticatedSenders();

    /// <summary>The test policy with the dangerous opt-in <see cref="JwtValidationPolicy.DangerousAcceptUnauthenticatedSenders"/>.</summary>
    public static JwtValidationPolicy AcceptingUnauthenticatedSenders() => ValidatorTestKit.Policy(p => new JwtValidationPolicy
    {
        ValidIssuers = p.ValidIssuers,
        ValidAudiences = p.ValidAudiences,
        TimeProvider = p.TimeProvider,
        DangerousAcceptUnauthenticatedSenders = true,
    });

    /// <summary>A plain-JWE validator of <see cref="PatientRecord"/> for <paramref name="key"/>, with <see cref="PolicyFor"/>.</summary>
    public static JweValidator<PatientRecord> ValidatorFor(JwtEncryptionKey key) => new(key, PolicyFor(key.Algorithm));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    /// <summary>Encrypts <paramref name="plaintext"/> under a hand-written header with a <c>dir</c> key, as a producer that TypedJwt would not be.</summary>
    public static string HandMade(string header, string plaintext, byte[] cek, JweEncryption encryption) =>
        HandMade(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(plaintext), cek, encryption);

    /// <summary>As <see cref="HandMade(string, string, byte[], JweEncryption)"/>, with header and plaintext as raw bytes (which need not be UTF-8).</summary>
    public static string HandMade(byte[] header, byte[] data, byte[] cek, JweEncryption encryption)
    {
        string encodedHeader = Base64Url(header);
        byte[] iv = RandomNumberGenerator.GetBytes(encryption is JweEncryption.A128GCM or JweEncryption.A256GCM ? 12 : 16);
        byte[] ciphertext = new byte[JweContentCipher.GetCiphertextLength(encryption, data.Length)];
        byte[] tag = new byte[encryption == JweEncryption.A256CbcHS512 ? 32 : 16];
        JweContentCipher.Encrypt(encryption, cek, iv, Encoding.ASCII.GetBytes(encodedHeader), data, ciphertext, tag);
        return $"{encodedHeader}..{Base64Url(iv)}.{Base64Url(ciphertext)}.{Base64Url(tag)}";
    }
}
