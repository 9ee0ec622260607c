using TypedJwt.Generators.Emit;

namespace TypedJwt.Generators.Tests.Generator;

/// <summary>
/// The emitter writes only through <see cref="SourceWriter"/>, which refuses text it would have to leave wrong.
/// </summary>
public class SourceWriterTests
{
    [Fact]
    public void Blocks_and_continuations_indent_by_four_spaces()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("class C");
        writer.WriteLine("int M()");
        writer.Indent();
        writer.WriteLine("=> 1;");
        writer.Unindent();
        writer.WriteLine();
        writer.OpenBlock("int[] A = new[]");
        writer.WriteLine("1,");
        writer.CloseBlock(";");
        writer.CloseBlock();

        Assert.Equal("class C\n{\n    int M()\n        => 1;\n\n    int[] A = new[]\n    {\n        1,\n    };\n}\n", writer.ToString());
    }

    [Fact]
    public void A_block_left_open_is_an_error_not_a_file()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("namespace N");

        Assert.Throws<InvalidOperationException>(writer.ToString);
    }

    [Fact]
    public void Closing_more_than_was_opened_is_an_error()
    {
        var writer = new SourceWriter();

        Assert.Throws<InvalidOperationException>(() => writer.CloseBlock());
        Assert.Throws<InvalidOperationException>(writer.Unindent);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    public void A_line_break_inside_a_line_is_an_error(string line)
    {
        Assert.Throws<ArgumentException>(() => new SourceWriter().WriteLine(line));
    }
}
