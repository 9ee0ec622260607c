using System;
using System.Text;

namespace TypedJwt.Generators.Emit;

/// <summary>
/// A StringBuilder that indents: the emitter writes lines and blocks, never whitespace or line breaks of its own. An emitter
/// that leaves a block open, closes one too many or writes a line break inside a line throws here instead of producing code
/// that merely looks wrong; the generator driver reports the exception as a diagnostic, which the baseline tests refuse.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private static readonly char[] LineBreaks = ['\r', '\n'];
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine(string line)
    {
        if (line.IndexOfAny(LineBreaks) >= 0)
        {
            throw new ArgumentException("A line must not contain a line break; write each line on its own.", nameof(line));
        }

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

    /// <summary>Writes <paramref name="header"/> (unless empty) and an opening brace, and indents what follows.</summary>
    public void OpenBlock(string header)
    {
        if (header.Length > 0)
        {
            WriteLine(header);
        }

        WriteLine("{");
        Indent();
    }

    /// <summary>Ends the innermost block with a closing brace followed by <paramref name="suffix"/> (<c>;</c> after an initializer).</summary>
    public void CloseBlock(string suffix = "")
    {
        Unindent();
        WriteLine("}" + suffix);
    }

    /// <summary>One level deeper, for lines that continue the one before (an expression body, a list of arguments).</summary>
    public void Indent() => _indent++;

    public void Unindent()
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Unindent without a matching Indent or OpenBlock.");
        }

        _indent--;
    }

    /// <summary>The text written; throws when a block or indentation is still open, since the text would be incomplete.</summary>
    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException($"The source ends {_indent} level(s) deep: a block or indentation was not closed.");
        }

        return _builder.ToString();
    }
}
