using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>TJ0011 (docs/diagnostics/TJ0011.md): key material written in the source flows into a key factory.</summary>
public class TJ0011Tests
{
    // Microsoft.IdentityModel's key type, declared under its real metadata name: the analyzer recognises it by name.
    private const string IdentityModelStub = """
        namespace Microsoft.IdentityModel.Tokens { public class SymmetricSecurityKey { public SymmetricSecurityKey(byte[] key) { } } }
        """;

    private const string PrivateOctJwk = "\"\"\"{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}\"\"\"";
    private const string PublicEcJwk = "\"\"\"{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}\"\"\"";

    private static Task Verify(string source, params DiagnosticResult[] expected)
        => Harness.VerifyAnalyzerAsync<HardCodedKeyAnalyzer>([source], [IdentityModelStub], null, expected);

    [Fact]
    public Task Reports_key_material_written_in_the_source() => Verify($$"""
        public static class Keys
        {
            private static readonly byte[] FieldKey = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
            private const string Jwk = {{PrivateOctJwk}};

            public static void Make()
            {
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:"0123456789abcdef0123456789abcdef"u8|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:FieldKey|});
                byte[] zeros = new byte[32];
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:zeros|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:Convert.FromBase64String("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|TJ0011:new byte[] { 1, 2, 3 }.AsSpan()|}, "kid-1");
                JwtSigningKey.FromJwk({|TJ0011:Jwk|});
                JwtKeySet.FromJwks({|TJ0011:"{\"keys\":[" + Jwk + "]}"|});
                _ = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey({|TJ0011:Encoding.ASCII.GetBytes("a-shared-secret-for-the-legacy-api")|});
            }
        }
        """);

    [Fact]
    public Task Is_silent_for_public_keys_and_keys_from_outside() => Verify($$"""
        public static class Keys
        {
            public static void Make(byte[] fromConfiguration, string jwkFromSecretStore, Func<byte[]> load)
            {
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, fromConfiguration);
                byte[] loaded = load();
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, loaded);
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                JwtSigningKey.FromJwk(jwkFromSecretStore);
                JwtSigningKey.FromJwk({{PublicEcJwk}});
                JwtKeySet.FromJwks(Environment.GetEnvironmentVariable("JWKS")!);
                _ = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(fromConfiguration);
            }
        }
        """);

    [Fact]
    public Task Honours_pragma() => Verify("""
        public static class Keys
        {
            public static JwtSigningKey Rfc7515AppendixA2()
            {
        #pragma warning disable TJ0011 // a published test vector, not a secret
                return JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, "0123456789abcdef0123456789abcdef"u8);
        #pragma warning restore TJ0011
            }
        }
        """);
}
