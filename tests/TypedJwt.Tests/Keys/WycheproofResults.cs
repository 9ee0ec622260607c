using System.Text;

namespace TypedJwt.Tests.Keys;

/// <summary>Collects per-case outcomes of one Wycheproof file so a single assertion can list every failing tcId.</summary>
internal sealed class WycheproofResults
{
    private readonly List<string> _failures = [];

    internal int Checked { get; private set; }

    internal void Expect(int tcId, bool expected, bool actual, string note = "")
    {
        Checked++;
        if (expected != actual)
        {
            _failures.Add($"tcId {tcId}: expected {(expected ? "accept" : "reject")}, got {(actual ? "accept" : "reject")}{note}");
        }
    }

    internal void AssertAllPassed(string file, int minimumChecked)
    {
        var message = new StringBuilder($"{file}: {_failures.Count} of {Checked} cases disagree");
        foreach (string failure in _failures)
        {
            message.Append('\n').Append(failure);
        }

        Assert.True(_failures.Count == 0, message.ToString());

        // Guards against a filter that silently drops the file's cases.
        Assert.True(Checked >= minimumChecked, $"{file}: only {Checked} cases checked, expected at least {minimumChecked}.");
    }
}
