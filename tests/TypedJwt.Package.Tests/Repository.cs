namespace TypedJwt.Package.Tests;

/// <summary>The repository root (the folder holding TypedJwt.sln) above the test binaries.</summary>
internal static class Repository
{
    public static readonly string Root = Find();

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TypedJwt.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No TypedJwt.sln above {AppContext.BaseDirectory}.");
    }
}
