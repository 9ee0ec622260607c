using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// <see cref="JwtMemberNameSet"/>, the duplicate check of every strict read: a repeat is found exactly, whatever its
/// spelling, whether the names still fit the caller's stack buffer or the set has moved to rented memory, and whether it
/// still compares names one by one or has built its hash index; and the work it does stays linear in the names, which an
/// unauthenticated sender chooses.
/// </summary>
public class MemberNameSetTests
{
    [Fact]
    public void Every_distinct_name_is_added_and_every_repeat_is_found_beyond_the_stack_buffer()
    {
        // 800 names of six bytes: several times the 256-byte stack buffer, so the set grows into rented memory twice over.
        string[] names = [.. from first in "abcd" from middle in Enumerable.Range(0, 200) select $"{first}{middle:000}z"];

        bool[] firstPass = AddAll([.. names.Select(Json)]);
        bool[] withRepeats = AddAll([.. names.Concat(names.Reverse()).Select(Json)]);

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

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4999)]
    public void A_repeat_is_found_among_five_thousand_names(int repeated)
    {
        string[] names = [.. Distinct(5000)];

        Assert.Equal(Enumerable.Repeat(true, 5000).Append(false), AddAll([.. names.Append(names[repeated]).Select(Json)]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(4999)]
    public void Escaped_spellings_are_repeats_beyond_the_scan_limit(int repeated)
    {
        string[] names = [.. Distinct(5000)];
        string escaped = "\\u" + ((int)names[repeated][0]).ToString("x4") + names[repeated][1..];

        // Stored plain, repeated escaped; stored escaped, repeated plain; and an escaped name that is new.
        Assert.Equal([.. Enumerable.Repeat(true, 5000), false], AddAll([.. names.Select(Json), Quote(escaped)]));
        Assert.Equal([.. Enumerable.Repeat(true, 5000), false],
            AddAll([.. names.Select((n, i) => i == repeated ? Quote(escaped) : Json(n)), Json(names[repeated])]));
        Assert.Equal([.. Enumerable.Repeat(true, 5000), true], AddAll([.. names.Select(Json), Quote("\\u0061" + "zz-new")]));
    }

    [Fact]
    public void Names_alike_but_for_their_last_byte_or_their_length_are_distinct()
    {
        // A 300-byte common prefix: a hash of a prefix would put them all in one bucket; so would one of the length.
        string prefix = new('x', 300);
        string[] lastByte = [.. Enumerable.Range(0, 2000).Select(i => prefix + i.ToString("D4"))];
        string[] lengths = [.. Enumerable.Range(1, 400).Select(i => new string('y', i))];

        foreach (string[] names in new[] { lastByte, lengths })
        {
            bool[] added = AddAll([.. names.Concat(names.Reverse()).Select(Json)], out int probes);
            Assert.Equal(names.Select(_ => true).Concat(names.Select(_ => false)), added);
            Assert.True(probes <= 8 * added.Length, $"{probes} probes for {added.Length} names");
        }
    }

    [Fact]
    public void The_name_buffer_grows_while_the_index_exists()
    {
        // 100-byte names: the 256-byte stack buffer holds two, so the buffer moves to rented memory (and moves again, to
        // larger arrays) both before and after the index is built at the 17th name.
        string[] names = [.. Enumerable.Range(0, 300).Select(i => $"{i:D3}" + new string('n', 97))];

        Assert.Equal(names.Select(_ => true).Concat(names.Select(_ => false)), AddAll([.. names.Concat(names).Select(Json)]));
    }

    [Fact]
    public void Every_count_around_the_scan_limit_finds_every_repeat()
    {
        for (int count = 1; count <= 3 * JwtMemberNameSet.LinearScanLimit; count++)
        {
            string[] names = [.. Distinct(count)];
            for (int repeated = 0; repeated < count; repeated++)
            {
                Assert.Equal(Enumerable.Repeat(true, count).Append(false), AddAll([.. names.Append(names[repeated]).Select(Json)]));
            }
        }
    }

    [Fact]
    public void Names_split_across_buffer_segments_are_found_beyond_the_scan_limit()
    {
        string[] names = [.. Distinct(100)];
        string[] quoted = [.. names.Select(Json), Json(names[50]), Quote("\\u0061" + "zz-new")];
        byte[] json = Object(quoted);

        // One byte per segment: every name is a value sequence.
        var reader = new Utf8JsonReader(OneBytePerSegment(json));
        bool[] added = AddAll(ref reader, out _);

        Assert.Equal([.. Enumerable.Repeat(true, 100), false, true], added);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    public void A_lone_surrogate_escape_in_a_name_is_malformed_json(int before)
    {
        string[] names = [.. Distinct(before).Select(Json), Quote("\\ud800")];

        Assert.Throws<JsonException>(() => AddAll(names));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    public void A_name_longer_than_65535_bytes_is_malformed_json(int before)
    {
        string[] names = [.. Distinct(before).Select(Json)];

        Assert.Equal(Enumerable.Repeat(true, before + 1), AddAll([.. names, Json(new string('a', ushort.MaxValue))]));
        Assert.Throws<JsonException>(() => AddAll([.. names, Json(new string('a', ushort.MaxValue + 1))]));
    }

    [Fact]
    public void Adding_distinct_names_costs_a_constant_per_name()
    {
        // Comparing each name with all before it would take n(n-1)/2 = 49,995,000 steps for these 10,000 names.
        const int Count = 10_000;
        string[] names = [.. Distinct(Count)];

        bool[] added = AddAll([.. names.Select(Json)], out int distinctProbes);
        bool[] repeated = AddAll([.. names.Concat(names).Select(Json)], out int repeatedProbes);

        Assert.All(added, Assert.True);
        Assert.Equal(Count, repeated.Count(a => !a));
        Assert.True(distinctProbes <= 8 * Count, $"{distinctProbes} probes for {Count} distinct names");
        Assert.True(repeatedProbes <= 16 * Count, $"{repeatedProbes} probes for {Count} names added twice");
    }

    [Fact]
    public void A_few_names_are_compared_one_by_one()
    {
        string[] names = [.. Distinct(JwtMemberNameSet.LinearScanLimit)];

        AddAll([.. names.Select(Json)], out int probes);

        Assert.Equal(names.Length * (names.Length - 1) / 2, probes);
    }

    [Fact]
    public void Rented_buffers_go_back_to_the_pool()
    {
        // A set that kept its rented arrays would make the pool allocate new ones for every object: megabytes over these
        // iterations. The allowance is one object's worth, in case the pool trims itself during the loop.
        byte[] json = Object([.. Distinct(5000).Select(Json)]);
        long allocated = AllocationTests.AllocatedBy(() => Count(json));

        Assert.True(allocated < 256 * 1024, $"{allocated} bytes allocated");
    }

    private static string Json(string name) => "\"" + name + "\"";

    private static string Quote(string escapedName) => "\"" + escapedName + "\"";

    // Distinct names of two to four bytes: a letter, then digits ("a0", "b0", ..., "y0", "a1", ...).
    private static IEnumerable<string> Distinct(int count) => Enumerable.Range(0, count).Select(i => $"{(char)('a' + i % 25)}{i / 25}");

    private static byte[] Object(string[] quotedNames) =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", quotedNames.Select(n => n + ":0")) + "}");

    // Adds each quoted name of one JSON object in order; returns what each TryAdd answered.
    private static bool[] AddAll(string[] quotedNames) => AddAll(quotedNames, out _);

    private static bool[] AddAll(string[] quotedNames, out int probes)
    {
        var reader = new Utf8JsonReader(Object(quotedNames));
        return AddAll(ref reader, out probes);
    }

    private static bool[] AddAll(ref Utf8JsonReader reader, out int probes)
    {
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

            probes = set.Probes;
        }
        finally
        {
            set.Dispose();
        }

        return [.. added];
    }

    // The names of one object added to a set, allocating nothing of its own.
    private static int Count(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var set = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        int added = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && set.TryAdd(in reader))
                {
                    added++;
                }
            }
        }
        finally
        {
            set.Dispose();
        }

        return added;
    }

    private static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
