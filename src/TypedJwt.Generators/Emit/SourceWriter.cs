using System.Text;

namespace TypedJwt.Generators.Emit;

/// <summary>A StringBuilder that indents: the emitter writes lines and blocks, never manages whitespace itself.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        // Line endings are fixed so the output (and the baselines) are the same on every OS.
        _builder.Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    public void OpenBlock(string header)
    {
        if (header.Length > 0)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        WriteLine("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
