using System;
using System.Buffers;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Per-thread JSON writing state for token creation, so that creating a token allocates nothing once a thread has made
/// its first one: a growable buffer and a <see cref="Utf8JsonWriter"/> that is reset onto it for every use.
/// </summary>
internal sealed class JwtWriterScratch
{
    [ThreadStatic]
    private static JwtWriterScratch? t_current;

    private JwtWriterScratch()
    {
        Buffer = new ArrayBufferWriter<byte>(1024);
        Writer = new Utf8JsonWriter(Buffer, JwtJson.WriterOptions);
    }

    public ArrayBufferWriter<byte> Buffer { get; }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Takes this thread's scratch, emptied. Not re-entrant: callers finish with it before calling out again.</summary>
    public static JwtWriterScratch Rent()
    {
        JwtWriterScratch scratch = t_current ??= new JwtWriterScratch();
        scratch.Buffer.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Buffer);
        return scratch;
    }

    /// <summary>Clears what was written (claims may be personal data) once the token is made.</summary>
    public void Clear()
    {
        Buffer.Clear();
    }
}
