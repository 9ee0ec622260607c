using System.Text.Json;

namespace TypedJwt.Tests.Vectors;

/// <summary>
/// Finds the shared test vectors, which live beside the repository (../shared/vectors) and are read in place, never copied in.
/// The repository root is the nearest directory above the test binaries that holds TypedJwt.sln.
/// </summary>
internal static class VectorFiles
{
    private static readonly Lazy<string> Root = new(FindVectorsRoot);

    internal static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    internal static string Wycheproof(string fileName) => Path("wycheproof", "testvectors_v1", fileName);

    internal static string Rfc(string fileName) => Path("rfc", fileName);

    internal static JsonDocument Load(string path) => JsonDocument.Parse(File.ReadAllBytes(path));

    private static string FindVectorsRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TypedJwt.sln")))
            {
                string vectors = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "vectors"));
                return Directory.Exists(vectors)
                    ? vectors
                    : throw new DirectoryNotFoundException($"The shared test vectors are expected at {vectors}.");
            }
        }

        throw new DirectoryNotFoundException($"No TypedJwt.sln above {AppContext.BaseDirectory}.");
    }
}
