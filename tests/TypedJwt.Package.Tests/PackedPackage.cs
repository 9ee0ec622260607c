namespace TypedJwt.Package.Tests;

/// <summary>
/// Packs TypedJwt once per test run into a temporary feed, with a version no earlier run used, so that no NuGet cache can
/// serve a stale copy. Consumer projects restore into their own private packages folder as well.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        WorkDirectory = Directory.CreateTempSubdirectory("typedjwt-package-").FullName;
        Feed = Path.Combine(WorkDirectory, "feed");
        Version = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmss}.{Guid.NewGuid():N}"[..40].TrimEnd('.');
        DotNetCli.Succeed(Repository.Root, "pack", "src/TypedJwt/TypedJwt.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}");
        foreach (string project in new[] { "TypedJwt.AspNetCore", "TypedJwt.AspNetCore.OpenApi", "TypedJwt.Testing", "TypedJwt.Redis" })
        {
            DotNetCli.Succeed(Repository.Root, "pack", $"src/{project}/{project}.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}");
        }
    }

    public string WorkDirectory { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>
    /// Creates a project from a `dotnet new` template outside the repository, referencing only one packed package;
    /// <paramref name="properties"/> are MSBuild properties the project sets, as a user would write them in its csproj.
    /// </summary>
    public string CreateConsumer(string template, string name, string targetFramework, string packageId = "TypedJwt", IReadOnlyDictionary<string, string>? properties = null, string[]? morePackageIds = null)
    {
        string directory = Path.Combine(WorkDirectory, name);
        DotNetCli.Succeed(WorkDirectory, "new", template, "-o", directory, "-n", name, "--framework", "net10.0", "--no-restore");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="typedjwt-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        string project = Path.Combine(directory, name + ".csproj");
        string text = File.ReadAllText(project)
            .Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{targetFramework}</TargetFramework>");
        int end = text.IndexOf("</PropertyGroup>", StringComparison.Ordinal) + "</PropertyGroup>".Length;
        text = text[..end] + $"""

              <PropertyGroup>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The registry mirror here lacks some exact versions the webapi template's packages ask for (NU1603);
                     that restore warning is about the mirror, not about TypedJwt's code, which stays warning-free. -->
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                <RestorePackagesPath>{Path.Combine(directory, "packages")}</RestorePackagesPath>
            {string.Concat((properties ?? new Dictionary<string, string>()).Select(p => $"    <{p.Key}>{p.Value}</{p.Key}>\n"))}  </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{Version}" />
            {string.Concat((morePackageIds ?? []).Select(id => $"    <PackageReference Include=\"{id}\" Version=\"{Version}\" />\n"))}              </ItemGroup>
            """ + text[end..];
        File.WriteAllText(project, text);
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is under the temp directory either way.
        }
    }
}
