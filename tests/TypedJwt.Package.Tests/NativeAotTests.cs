namespace TypedJwt.Package.Tests;

/// <summary>The console sample published with NativeAOT: zero trim/AOT warnings, and the native binary really issues and validates.</summary>
public class NativeAotTests
{
    [Fact]
    public void Console_sample_publishes_without_warnings_and_the_binary_validates_a_token()
    {
        string output = Directory.CreateTempSubdirectory("typedjwt-aot-").FullName;
        try
        {
            string publish = DotNetCli.Succeed(Repository.Root, "publish", "samples/TypedJwt.ConsoleSample/TypedJwt.ConsoleSample.csproj",
                "-c", "Release", "-r", "linux-x64", "-o", output, "-warnaserror");
            Assert.DoesNotContain("warning IL", publish);

            (int exitCode, string run) = Run(Path.Combine(output, "TypedJwt.ConsoleSample"));
            Assert.True(exitCode == 0, run);
            Assert.Contains("valid. sub = alice", run);
            Assert.Contains("-> InvalidSignature", run);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string executable)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
