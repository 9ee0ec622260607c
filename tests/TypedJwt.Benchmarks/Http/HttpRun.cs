extern alias sample;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace TypedJwt.Benchmarks.Http;

/// <summary>
/// Server CPU per request over real HTTP on loopback: the sample API as published (its own process, Kestrel) against the
/// ASP.NET Core JwtBearer host (<see cref="JwtBearerHost"/>, its own process), with the same key, under the same load from
/// <c>wrk</c> (Debian's package). On a two-core machine the load generator and the server share the CPU, so servers are
/// compared by the CPU time the server process used (<c>/proc/PID/stat</c> utime + stime) divided by the requests it
/// answered, never by requests per second. Both servers run with workstation GC and Warning-level logging. Rows:
/// <c>GET /me</c> with a valid bearer token (the same token throughout, as a client sends it), and the anonymous
/// <c>GET /.well-known/jwks.json</c> as the floor. Then bytes allocated per request, over Kestrel on loopback too: both
/// hosts in this process, one loaded at a time by <c>wrk</c>, the process's allocated bytes
/// (<see cref="GC.GetTotalAllocatedBytes"/>) across the run divided by the requests. Run with <c>--http HS256</c> or
/// <c>--http ES256</c> (optionally the seconds per measurement, default 10), from a Release build.
/// </summary>
internal static partial class HttpRun
{
    private const int Rounds = 2;

    public static int Run(string algorithm, int seconds)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("--http needs wrk: apt-get install -y wrk");
            return 2;
        }

        var keys = new HostKeys(algorithm);
        string repo = FindRepoRoot();
        string sampleDll = Path.Combine(repo, "samples/TypedJwt.SampleApi/bin/Release/net10.0/TypedJwt.SampleApi.dll");
        string selfDll = typeof(HttpRun).Assembly.Location;
        Server sample = Server.Start("TypedJwt sample", sampleDll, [], keys.Jwk);
        Server bearer = Server.Start("JwtBearer host", selfDll, ["--serve-jwtbearer"], keys.Jwk);
        string authorization = "Bearer " + keys.Token();

        using var client = new HttpClient();
        foreach (Server server in new[] { sample, bearer })
        {
            server.WaitUntilReady(client);
            using var request = new HttpRequestMessage(HttpMethod.Get, server.Url + "/me");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (client.Send(request).StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{server.Name} refused the token.");
            }
        }

        var results = new Dictionary<(string Server, string Route), List<double>>();
        foreach ((string route, string? header) in new[] { ("/me", authorization), ("/.well-known/jwks.json", (string?)null) })
        {
            foreach (Server server in new[] { sample, bearer })
            {
                Wrk(server.Url + route, header, 3); // warm-up: tiering, caches, connection pools
            }
        }

        for (int round = 0; round < Rounds; round++)
        {
            foreach ((string route, string? header) in new[] { ("/me", authorization), ("/.well-known/jwks.json", (string?)null) })
            {
                foreach (Server server in new[] { sample, bearer })
                {
                    double before = server.CpuSeconds();
                    long requests = Wrk(server.Url + route, header, seconds);
                    double cpu = server.CpuSeconds() - before;
                    List<double> list = results.TryGetValue((server.Name, route), out List<double>? existing) ? existing : results[(server.Name, route)] = [];
                    list.Add(cpu / requests * 1e6);
                }
            }
        }

        Console.WriteLine($"{keys.Algorithm}: server CPU per request (µs), {Rounds} rounds of {seconds} s each, the least of the rounds");
        Console.WriteLine("| route | TypedJwt sample | JwtBearer host | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (string route in new[] { "/me", "/.well-known/jwks.json" })
        {
            double typed = results[(sample.Name, route)].Min();
            double peer = results[(bearer.Name, route)].Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET {route} | {typed:F1} | {peer:F1} | {typed / peer:F2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| GET /me minus the anonymous floor | {results[(sample.Name, "/me")].Min() - results[(sample.Name, "/.well-known/jwks.json")].Min():F1} | {results[(bearer.Name, "/me")].Min() - results[(bearer.Name, "/.well-known/jwks.json")].Min():F1} | |"));
        sample.Dispose();
        bearer.Dispose();
        MeasureAllocations(keys, authorization, seconds);
        return 0;
    }

    private static void MeasureAllocations(HostKeys keys, string authorization, int seconds)
    {
        int samplePort = FreePort();

        // The factory finds the sample's content root through MvcTestingAppManifest.json in the current directory.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        using WebApplicationFactory<sample::Program> factory = new WebApplicationFactory<sample::Program>().WithWebHostBuilder(host => host
            .UseSetting("Jwt:SigningKey", keys.Jwk)
            .UseSetting(WebHostDefaults.ServerUrlsKey, $"http://127.0.0.1:{samplePort}")
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)));
        factory.UseKestrel();
        factory.StartServer();

        string bearerUrl = $"http://127.0.0.1:{FreePort()}";
        WebApplicationBuilder builder = WebApplication.CreateBuilder(["--urls", bearerUrl]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using WebApplication bearer = JwtBearerHost.Build(builder, keys.Jwk);
        bearer.StartAsync().GetAwaiter().GetResult();

        var urls = new Dictionary<string, string> { ["TypedJwt sample"] = $"http://127.0.0.1:{samplePort}", ["JwtBearer host"] = bearerUrl };
        var bytes = new Dictionary<(string, string), double>();
        foreach ((string route, string? header) in new[] { ("/me", authorization), ("/.well-known/jwks.json", (string?)null) })
        {
            foreach ((string name, string url) in urls)
            {
                Wrk(url + route, header, 3);
                GC.Collect();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                long requests = Wrk(url + route, header, seconds);
                bytes[(name, route)] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)requests;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{keys.Algorithm}: bytes allocated per request, Kestrel on loopback, both hosts in one process loaded in turn");
        Console.WriteLine("| route | TypedJwt sample | JwtBearer host | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (string route in new[] { "/me", "/.well-known/jwks.json" })
        {
            double typed = bytes[("TypedJwt sample", route)];
            double peer = bytes[("JwtBearer host", route)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET {route} | {typed:F0} | {peer:F0} | {typed / peer:F2} |"));
        }

        bearer.StopAsync().GetAwaiter().GetResult();
    }

    /// <summary>The JwtBearer host as its own process: <c>--serve-jwtbearer --urls URL</c>, the key in <c>Jwt:SigningKey</c>.</summary>
    public static int ServeJwtBearer(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        string jwk = builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not set.");
        JwtBearerHost.Build(builder, jwk).Run();
        return 0;
    }

    private static long Wrk(string url, string? authorization, int seconds)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-t1", "-c16", $"-d{seconds}s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }

        if (authorization is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Authorization: " + authorization);
        }

        start.ArgumentList.Add(url);
        using Process wrk = Process.Start(start)!;
        string output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        if (output.Contains("Non-2xx", StringComparison.Ordinal) || wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk against {url} saw failures:\n{output}{wrk.StandardError.ReadToEnd()}");
        }

        return long.Parse(RequestCount().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TypedJwt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TypedJwt.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestCount();

    /// <summary>A server process on a free loopback port, stopped by its process id.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process _process;

        private Server(string name, Process process, string url)
        {
            Name = name;
            _process = process;
            Url = url;
        }

        public string Name { get; }

        public string Url { get; }

        public static Server Start(string name, string dll, string[] arguments, string jwk)
        {
            string url = $"http://127.0.0.1:{FreePort()}";
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            foreach (string argument in arguments.Concat(["--urls", url]))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["Jwt__SigningKey"] = jwk;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["DOTNET_gcServer"] = "0";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            Process process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new Server(name, process, url);
        }

        public void WaitUntilReady(HttpClient client)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    if (client.GetAsync(Url + "/.well-known/jwks.json").GetAwaiter().GetResult().IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}.");
                }

                Thread.Sleep(100);
            }

            throw new TimeoutException($"{Name} did not answer within 30 s.");
        }

        /// <summary>User plus system CPU time of the process so far (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms).</summary>
        public double CpuSeconds()
        {
            string stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
