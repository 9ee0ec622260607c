using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The <c>scope</c> claim (RFC 8693 §4.2): scope tokens separated by single spaces in one JSON string (RFC 6749 §3.3).
/// Exposed as a list; reading holds each scope token to the RFC 6749 grammar, so leading, trailing or doubled spaces
/// (empty scope tokens), quotes, backslashes and non-ASCII characters are <see cref="JwtErrorCode.InvalidClaimValue"/>.
/// </summary>
public readonly struct JwtScope : IEquatable<JwtScope>, IReadOnlyList<string>
{
    private const int StackLimit = 256;

    private readonly string[]? _scopes;

    /// <summary>Creates a scope from scope tokens (the array is copied).</summary>
    /// <exception cref="ArgumentException">A scope token is empty or has a character RFC 6749 §3.3 does not allow (such as a space).</exception>
    public JwtScope(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        _scopes = Validated((string[])scopes.Clone());
    }

    /// <summary>Creates a scope from scope tokens.</summary>
    /// <exception cref="ArgumentException">A scope token is empty or has a character RFC 6749 §3.3 does not allow (such as a space).</exception>
    public JwtScope(ImmutableArray<string> scopes)
    {
        // An ImmutableArray cannot change, so its storage is shared rather than copied.
        _scopes = Validated(ImmutableCollectionsMarshal.AsArray(scopes) ?? Array.Empty<string>());
    }

    private JwtScope(string[] owned, bool _) => _scopes = owned;

    /// <summary>The number of scope tokens.</summary>
    public int Count => _scopes?.Length ?? 0;

    /// <summary>The scope token at <paramref name="index"/>.</summary>
    public string this[int index] => (_scopes ?? Array.Empty<string>())[index];

    /// <summary>Whether <paramref name="scope"/> is one of the scope tokens (ordinal: scope tokens are case-sensitive).</summary>
    public bool Contains(string scope)
    {
        foreach (string value in this)
        {
            if (string.Equals(value, scope, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Enumerates the scope tokens without allocating.</summary>
    public Enumerator GetEnumerator() => new(_scopes ?? Array.Empty<string>());

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Element-wise ordinal equality (order matters, as it does in the written string).</summary>
    public bool Equals(JwtScope other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        for (int i = 0; i < Count; i++)
        {
            if (!string.Equals(this[i], other[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JwtScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (string value in this)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The space-delimited form, as it is written in a token.</summary>
    public override string ToString() => string.Join(' ', _scopes ?? Array.Empty<string>());

    /// <summary>Compares two scopes element-wise.</summary>
    public static bool operator ==(JwtScope left, JwtScope right) => left.Equals(right);

    /// <summary>Compares two scopes element-wise.</summary>
    public static bool operator !=(JwtScope left, JwtScope right) => !left.Equals(right);

    /// <summary>Reads the space-delimited <c>scope</c> string the reader is positioned on.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, string claimName, out JwtScope value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            value = default;
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, claimName);
            return false;
        }

        int maxLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = null;
        Span<byte> buffer = maxLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            scoped ReadOnlySpan<byte> text;
            if (!reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                text = reader.ValueSpan;
            }
            else
            {
                text = buffer.Slice(0, JwtJson.CopyString(in reader, buffer));
            }

            if (!TryCount(text, out int count))
            {
                value = default;
                error = JwtError.Create(JwtErrorCode.InvalidClaimValue, claimName);
                return false;
            }

            // The grammar check above guarantees ASCII, so each scope token is decoded without validation.
            string[] scopes = new string[count];
            for (int index = 0; index < count; index++)
            {
                int space = text.IndexOf((byte)' ');
                scopes[index] = Encoding.ASCII.GetString(space < 0 ? text : text.Slice(0, space));
                text = space < 0 ? default : text.Slice(space + 1);
            }

            value = new JwtScope(scopes, false);
            error = default;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the scope tokens as one space-delimited string.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonEncodedText name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        string[] scopes = _scopes ?? Array.Empty<string>();
        int length = Math.Max(0, scopes.Length - 1);
        foreach (string scope in scopes)
        {
            length += scope.Length;
        }

        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        int written = 0;
        foreach (string scope in scopes)
        {
            if (written > 0)
            {
                buffer[written++] = (byte)' ';
            }

            written += Encoding.ASCII.GetBytes(scope, buffer.Slice(written));
        }

        writer.WriteString(name, buffer.Slice(0, written));
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // scope = scope-token *( SP scope-token ); scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static bool TryCount(ReadOnlySpan<byte> text, out int count)
    {
        count = 1;
        int tokenLength = 0;
        foreach (byte b in text)
        {
            if (b == (byte)' ')
            {
                if (tokenLength == 0)
                {
                    return false;
                }

                count++;
                tokenLength = 0;
            }
            else if (IsScopeChar(b))
            {
                tokenLength++;
            }
            else
            {
                return false;
            }
        }

        return tokenLength > 0;
    }

    private static bool IsScopeChar(int c) => c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);

    private static string[] Validated(string[] scopes)
    {
        foreach (string scope in scopes)
        {
            ArgumentNullException.ThrowIfNull(scope, nameof(scopes));
            bool valid = scope.Length > 0;
            foreach (char c in scope)
            {
                valid &= IsScopeChar(c);
            }

            if (!valid)
            {
                throw new ArgumentException("A scope token must be non-empty and use only the characters RFC 6749 §3.3 allows (no spaces).", nameof(scopes));
            }
        }

        return scopes;
    }

    /// <summary>Enumerates the scope tokens of a <see cref="JwtScope"/>.</summary>
    public struct Enumerator : IEnumerator<string>
    {
        private readonly string[] _scopes;
        private int _index;

        internal Enumerator(string[] scopes)
        {
            _scopes = scopes;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly string Current => _scopes[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _scopes.Length;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
