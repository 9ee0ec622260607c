using System;
using System.Buffers;
using System.Text;

namespace TypedJwt;

/// <summary>
/// Scratch memory for the validators: on the stack for ordinary tokens, rented beyond that, and always cleared afterwards
/// because it holds decoded or decrypted claims, which may be personal data.
/// </summary>
internal ref struct JwtScratch
{
    // Scratch up to this size comes from the stack; larger needs rent from the shared pool.
    internal const int StackLength = 4096;

    private byte[]? _rented;

    public JwtScratch(int length, Span<byte> stack)
    {
        _rented = length > stack.Length ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span = _rented ?? stack;
    }

    public Span<byte> Span { get; }

    /// <summary>Converts a token given as characters to its ASCII bytes; false when it has any non-ASCII character.</summary>
    public static bool TryToAscii(ReadOnlySpan<char> token, Span<byte> destination, out int written) =>
        Ascii.FromUtf16(token, destination, out written) == OperationStatus.Done;

    public void Dispose()
    {
        Span.Clear();
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
