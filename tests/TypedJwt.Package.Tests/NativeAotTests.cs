namespace TypedJwt.Package.Tests;

/// <summary>The samples published with NativeAOT: zero trim/AOT warnings, and the native binaries really issue and validate tokens.</summary>
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

    [Fact]
    public async Task Sample_api_publishes_without_warnings_and_the_binary_serves_the_contract()
    {
        string output = Directory.CreateTempSubdirectory("typedjwt-aot-api-").FullName;
        System.Diagnostics.Process? server = null;
        try
        {
            string publish = DotNetCli.Succeed(Repository.Root, "publish", "samples/TypedJwt.SampleApi/TypedJwt.SampleApi.csproj",
                "-c", "Release", "-r", "linux-x64", "-o", output, "-warnaserror");
            Assert.DoesNotContain("warning IL", publish);

            int port = FreePort();
            server = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Path.Combine(output, "TypedJwt.SampleApi"), $"--urls http://127.0.0.1:{port}")
            {
                WorkingDirectory = output,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;

            // Drain the server's output so a full pipe can never stall it.
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpResponseMessage login = await PostWhenListening(http, """{"username":"admin","password":"admin-pass"}""");
            Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync());
            string token = body.RootElement.GetProperty("access_token").GetString()!;

            using var me = new HttpRequestMessage(HttpMethod.Get, "/me");
            me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage claims = await http.SendAsync(me);
            Assert.Equal(System.Net.HttpStatusCode.OK, claims.StatusCode);
            Assert.Contains("\"sub\":\"admin\"", await claims.Content.ReadAsStringAsync());
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/me")).StatusCode);

            // The OpenAPI document is generated in the native binary too, with the bearer scheme.
            HttpResponseMessage openApi = await http.GetAsync("/openapi/v1.json");
            Assert.Equal(System.Net.HttpStatusCode.OK, openApi.StatusCode);
            Assert.Contains("\"bearerFormat\": \"JWT\"", await openApi.Content.ReadAsStringAsync());
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }

            server?.Dispose();
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> PostWhenListening(HttpClient http, string json)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await http.PostAsync("/token", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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
