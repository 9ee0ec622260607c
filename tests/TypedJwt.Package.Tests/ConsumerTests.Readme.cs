namespace TypedJwt.Package.Tests;

/// <summary>Every C# block of the README builds as shown, in a fresh project against the packed packages.</summary>
public partial class ConsumerTests
{
    public static TheoryData<int> ReadmeBlocks() => [.. Enumerable.Range(0, ReadmeSnippets.Blocks.Count)];

    [Fact]
    public void The_README_has_the_blocks_this_test_builds()
    {
        Assert.True(ReadmeSnippets.Blocks.Count >= 5, $"only {ReadmeSnippets.Blocks.Count} C# blocks found");
    }

    [Theory]
    [MemberData(nameof(ReadmeBlocks))]
    public void A_README_block_builds_as_shown_in_a_fresh_project(int index)
    {
        string block = ReadmeSnippets.Blocks[index];
        bool web = ReadmeSnippets.IsWeb(block);
        string directory = web
            ? package.CreateConsumer("web", $"ReadmeWeb{index}", "net10.0", "TypedJwt.AspNetCore", morePackageIds: ["TypedJwt.Redis"])
            : package.CreateConsumer("console", $"ReadmeConsole{index}", "net10.0");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), block);
        if (ReadmeSnippets.NeedsAccessToken(block))
        {
            File.WriteAllText(Path.Combine(directory, "AccessToken.cs"), ReadmeSnippets.AccessTokenFile);
        }

        DotNetCli.Succeed(directory, "build", "-c", "Release");
        if (!web)
        {
            // A console example also runs to the end.
            DotNetCli.Succeed(directory, "run", "-c", "Release", "--no-build");
        }
    }
}
