using System.Diagnostics;
using System.Text.Json;

namespace TypedJwt.AspNetCore.Tests.Support;

/// <summary>
/// The real <c>dotnet user-jwts</c>, run on a throwaway web project in a temporary directory with its own HOME (so the
/// user secrets it writes stay there): <see cref="CreateAsync"/> returns the token it printed and the configuration it
/// wrote (the signing key from user secrets, the issuer and audiences from appsettings.Development.json), flattened.
/// </summary>
public static class UserJwtsTool
{
    public static async Task<(string Token, Dictionary<string, string?> Configuration)> CreateAsync(string audience, params string[] roles)
    {
        string root = Directory.CreateTempSubdirectory("user-jwts-").FullName;
        try
        {
            string project = Path.Combine(root, "app");
            Directory.CreateDirectory(project);
            await File.WriteAllTextAsync(Path.Combine(project, "app.csproj"),
                """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
            await File.WriteAllTextAsync(Path.Combine(project, "appsettings.Development.json"), "{}");

            var arguments = new List<string> { "user-jwts", "create", "--project", project, "--audience", audience, "--name", "dev-user", "--output", "token" };
            foreach (string role in roles)
            {
                arguments.AddRange(["--role", role]);
            }

            string token = (await RunAsync(root, arguments)).Trim();
            var configuration = new Dictionary<string, string?>();
            Flatten(JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(project, "appsettings.Development.json"))).RootElement, "", configuration);
            string secrets = Directory.GetFiles(Path.Combine(root, "home"), "secrets.json", SearchOption.AllDirectories).Single();
            Flatten(JsonDocument.Parse(await File.ReadAllTextAsync(secrets)).RootElement, "", configuration);
            return (token, configuration);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string root, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Packages still come from the machine's cache and sources, not the throwaway HOME's.
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet user-jwts failed ({process.ExitCode}): {await output} {await error}");
        }

        return await output;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name, into);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Flatten(item, prefix + ":" + index++, into);
                }

                break;
            default:
                into[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
