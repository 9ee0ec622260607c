extern alias TypedJwtRuntime;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TypedJwt.Generators.Analyzers;
using Runtime = TypedJwtRuntime::TypedJwt;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0012 (docs/diagnostics/TJ0012.md): a hard-coded HMAC key shorter than the algorithm's hash output (RFC 7518 §3.2).
/// </summary>
public class TJ0012Tests
{
    [Fact]
    public Task Reports_an_HMAC_key_shorter_than_the_hash() => Harness.VerifyAnalyzerAsync<ShortHmacKeyAnalyzer>("""
        public static class Keys
        {
            public static void Make(JwsAlgorithm chosen, byte[] fromConfiguration)
            {
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, {|#0:"short-secret"u8|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS384, {|#1:Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef")|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS512, {|#2:new byte[63]|});
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef"));
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS512, new byte[64]);
                JwtSigningKey.CreateHmac(chosen, "short-secret"u8);
                JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, fromConfiguration);
            }
        }
        """,
        new DiagnosticResult("TJ0012", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("HS256", 12, 32),
        new DiagnosticResult("TJ0012", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("HS384", 32, 48),
        new DiagnosticResult("TJ0012", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("HS512", 63, 64));

    public static TheoryData<string> HmacAlgorithms() => ["HS256", "HS384", "HS512"];

    // The rule promises the factory would refuse the key; both read JwsAlgorithmParameters, and this holds them together.
    [Theory]
    [MemberData(nameof(HmacAlgorithms))]
    public void Reports_exactly_the_keys_the_factory_refuses(string algorithm)
    {
        const int Lengths = 80;
        var runtimeAlgorithm = Enum.Parse<Runtime.JwsAlgorithm>(algorithm);
        // One statement per key length, on line 1 + length.
        string source = "public static class Keys { public static void Make() {\n"
            + string.Concat(Enumerable.Range(0, Lengths).Select(length => $"TypedJwt.JwtSigningKey.CreateHmac(TypedJwt.JwsAlgorithm.{algorithm}, new byte[{length}]);\n"))
            + "} }";

        int[] reported = [.. Harness.Analyze(source, new ShortHmacKeyAnalyzer())
            .Where(d => d.Id == "TJ0012")
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line - 1)];

        Assert.Equal(Enumerable.Range(0, Lengths).Where(length => Refuses(runtimeAlgorithm, length)), reported);
    }

    private static bool Refuses(Runtime.JwsAlgorithm algorithm, int length)
    {
        try
        {
            Runtime.JwtSigningKey.CreateHmac(algorithm, new byte[length]);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
