using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TypedJwt.AspNetCore.Tests.Support;

/// <summary>
/// The sample API as its own process on Kestrel, started the way a user starts it (with <c>--urls</c>) and bound to
/// 127.0.0.1 on a port the OS picks; the URL is read from the banner the sample prints. Stopped by its PID.
/// </summary>
public abstract partial class KestrelSample : SampleServer
{
    protected KestrelSample(string keyKind)
        : base(keyKind, "https://issuer.test.example", "contract-tests")
    {
    }

    protected KestrelSample(SampleKey key)
        : base(key, "https://issuer.test.example", "contract-tests")
    {
    }

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private Process? _process;
    private readonly List<string> _output = [];

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public override async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(SampleAssembly.Path);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach ((string key, string? value) in Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Task exited = _process.WaitForExitAsync();
        Task finished = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (finished != listening.Task)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"The sample did not start on Kestrel within {StartTimeout}:{Environment.NewLine}{Output}");
        }

        BaseAddress = await listening.Task;
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public override Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (BannerUrl().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex BannerUrl();
}

public sealed class KestrelOctSample() : KestrelSample("oct");

public sealed class KestrelRsaSample() : KestrelSample("RSA");

public sealed class KestrelEcSample() : KestrelSample("EC");
