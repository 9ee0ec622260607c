using System.Text.Json;

namespace TypedJwt.Tests.Support;

/// <summary>Locates the shared conformance vectors (../shared/vectors beside the repository), read in place.</summary>
internal static class VectorFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TypedJwt.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("TypedJwt.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "vectors"));
    });

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static JsonDocument Load(params string[] parts) => JsonDocument.Parse(File.ReadAllBytes(PathOf(parts)));
}
