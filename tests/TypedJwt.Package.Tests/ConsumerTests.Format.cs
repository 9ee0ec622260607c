namespace TypedJwt.Package.Tests;

/// <summary>
/// The code fixes from the command line, as a new user meets them: <c>dotnet format analyzers --diagnostics TJ0001</c>
/// on a packed consumer applies the first fix each provider registers, and that must be the safe one (the payload becomes
/// Encrypted), never a [NotSensitive] that silences the report with an empty reason.
/// </summary>
public partial class ConsumerTests
{
    [Fact]
    public void Dotnet_format_fixes_a_password_claim_by_encrypting_the_payload()
    {
        string directory = package.CreateConsumer("console", "FormatConsumer", "net10.0");
        string program = Path.Combine(directory, "Program.cs");
        File.WriteAllText(program, """
            using TypedJwt;

            System.Console.WriteLine("fixed");

            [JwtPayload]
            public sealed partial record LoginToken
            {
                [JwtClaim("sub")] public required string Subject { get; init; }
                public string? Password { get; init; }
            }
            """);

        DotNetCli.Succeed(directory, "format", "analyzers", "--diagnostics", "TJ0001", "--severity", "warn");
        string fixedText = File.ReadAllText(program);

        Assert.Contains("[JwtPayload(Encrypted = true)]", fixedText);
        Assert.DoesNotContain("NotSensitive", fixedText);
        Assert.DoesNotContain("Justification = \"\"", fixedText);
        Assert.Contains("public string? Password { get; init; }", fixedText);
        DotNetCli.Succeed(directory, "build", "-c", "Release");
    }
}
