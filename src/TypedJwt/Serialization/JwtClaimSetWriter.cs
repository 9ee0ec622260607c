using System;
using System.Buffers;

namespace TypedJwt;

/// <summary>
/// Writes a generated claim set (payload or header) as UTF-8 JSON straight into a caller's memory, with the same escaping
/// tokens use (<see cref="JwtJson.WriterOptions"/>). Allocation-free once the calling thread has written its first value.
/// </summary>
public static class JwtClaimSetWriter
{
    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/>; false when it does not fit.</summary>
    public static bool TryWriteJson<T>(T value, Span<byte> destination, out int bytesWritten)
        where T : IJwtClaimSet<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        JwtWriterScratch scratch = JwtWriterScratch.Rent();
        try
        {
            value.WriteJson(scratch.Writer);
            scratch.Writer.Flush();
            ReadOnlySpan<byte> json = scratch.Buffer.WrittenSpan;
            bytesWritten = json.TryCopyTo(destination) ? json.Length : 0;
            return bytesWritten == json.Length;
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/>, which grows as needed.</summary>
    public static void WriteJson<T>(T value, IBufferWriter<byte> destination)
        where T : IJwtClaimSet<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(destination);
        JwtWriterScratch scratch = JwtWriterScratch.Rent();
        try
        {
            // The thread's writer is pointed at the caller's buffer for this one value; Rent points it back next time.
            scratch.Writer.Reset(destination);
            value.WriteJson(scratch.Writer);
            scratch.Writer.Flush();
        }
        finally
        {
            scratch.Clear();
        }
    }
}
