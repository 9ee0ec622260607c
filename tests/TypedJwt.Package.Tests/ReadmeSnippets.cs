using System.Text.RegularExpressions;

namespace TypedJwt.Package.Tests;

/// <summary>
/// The C# blocks of the README, as a reader copies them: each block's text with the list indentation removed, whether it
/// needs a web project (it uses <c>WebApplication</c>), and whether it relies on the <c>AccessToken</c> record that the
/// 30-second example declares.
/// </summary>
public static partial class ReadmeSnippets
{
    public static readonly IReadOnlyList<string> Blocks = Read();

    /// <summary>The <c>AccessToken</c> record of the 30-second example, as a file of its own.</summary>
    public static string AccessTokenFile
    {
        get
        {
            // The console example's record (the DPoP example declares its own, for a web project).
            string example = Blocks.Single(b => b.Contains("record AccessToken", StringComparison.Ordinal) && !IsWeb(b));
            return "using System.Collections.Immutable;\nusing TypedJwt;\n\n" + example[example.IndexOf("[JwtPayload", StringComparison.Ordinal)..];
        }
    }

    public static bool IsWeb(string block) => block.Contains("WebApplication", StringComparison.Ordinal);

    public static bool NeedsAccessToken(string block) =>
        block.Contains("AccessToken", StringComparison.Ordinal) && !block.Contains("record AccessToken", StringComparison.Ordinal);

    private static List<string> Read()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var blocks = new List<string>();
        foreach (Match match in Fence().Matches(readme))
        {
            string indent = match.Groups["indent"].Value;
            IEnumerable<string> lines = match.Groups["body"].Value.Split('\n')
                .Select(line => line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart());
            blocks.Add(string.Join('\n', lines));
        }

        return blocks;
    }

    [GeneratedRegex(@"^(?<indent>[ ]*)```csharp\n(?<body>.*?)\n[ ]*```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
