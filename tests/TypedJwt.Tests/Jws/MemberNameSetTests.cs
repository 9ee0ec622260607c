using System.Text;
using System.Text.Json;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// <see cref="JwtMemberNameSet"/>, the duplicate check of every strict read: a repeat is found exactly, whatever its
/// spelling, and whether the names still fit the caller's stack buffer or the set has moved to rented memory.
/// </summary>
public class MemberNameSetTests
{
    [Fact]
    public void Every_distinct_name_is_added_and_every_repeat_is_found_beyond_the_stack_buffer()
    {
        // 800 names of six bytes: several times the 256-byte stack buffer, so the set grows into rented memory twice over.
        string[] names = [.. from first in "abcd" from middle in Enumerable.Range(0, 200) select $"{first}{middle:000}z"];

        bool[] firstPass = AddAll(names.Select(Json));
        bool[] withRepeats = AddAll(names.Concat(names.Reverse()).Select(Json));

        Assert.All(firstPass, Assert.True);
        Assert.Equal(names.Select(_ => true).Concat(names.Select(_ => false)), withRepeats);
    }

    [Theory]
    [InlineData("\"exp\"", "\"\\u0065xp\"")]
    [InlineData("\"\\u0065xp\"", "\"exp\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"caf\u00e9\"", "\"caf\\u00e9\"")]
    public void Spellings_of_the_same_name_are_one_name(string first, string second) =>
        Assert.Equal([true, false], AddAll([first, second]));

    [Theory]
    [InlineData("\"ab\"", "\"ba\"")]
    [InlineData("\"exp\"", "\"exq\"")]
    [InlineData("\"\"", "\"a\"")]
    public void Names_that_differ_are_both_added(string first, string second) =>
        Assert.Equal([true, true], AddAll([first, second]));

    private static string Json(string name) => "\"" + name + "\"";

    // Adds each quoted name of one JSON object in order; returns what each TryAdd answered.
    private static bool[] AddAll(IEnumerable<string> quotedNames)
    {
        string[] names = [.. quotedNames];
        byte[] json = Encoding.UTF8.GetBytes("{" + string.Join(",", names.Select(n => n + ":0")) + "}");
        var reader = new Utf8JsonReader(json);
        var set = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        var added = new List<bool>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    added.Add(set.TryAdd(in reader));
                }
            }
        }
        finally
        {
            set.Dispose();
        }

        return [.. added];
    }
}
