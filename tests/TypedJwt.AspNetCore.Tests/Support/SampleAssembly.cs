namespace TypedJwt.AspNetCore.Tests.Support;

/// <summary>Where the built sample API is, to start it as its own process.</summary>
public static class SampleAssembly
{
    /// <summary>
    /// The sample's own build output (bin/&lt;configuration&gt;/net10.0 beside this test project's), which has the
    /// runtimeconfig and deps files <c>dotnet</c> needs to start it.
    /// </summary>
    public static string Path
    {
        get
        {
            string testOutput = AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar);
            string marker = System.IO.Path.Combine("tests", "TypedJwt.AspNetCore.Tests");
            int at = testOutput.LastIndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"Cannot find the repository layout around {testOutput}.");
            }

            string sampleOutput = testOutput[..at] + System.IO.Path.Combine("samples", "TypedJwt.SampleApi") + testOutput[(at + marker.Length)..];
            string assembly = System.IO.Path.Combine(sampleOutput, "TypedJwt.SampleApi.dll");
            return File.Exists(assembly)
                ? assembly
                : throw new FileNotFoundException($"The sample API is not built at {assembly}.", assembly);
        }
    }
}
