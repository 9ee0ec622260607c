using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The <c>aud</c> claim (RFC 7519 §4.1.3): one audience as a JSON string, or several as a JSON array of strings.
/// The form read is the form written back, so a token re-issued from a read payload keeps its shape.
/// </summary>
public readonly struct JwtAudience : IEquatable<JwtAudience>, IReadOnlyList<string>
{
    // Exactly one of the two is set; a single audience needs no array (reading "aud": "api" allocates only the string).
    private readonly string? _single;
    private readonly string[]? _array;

    /// <summary>Creates an audience written as a single JSON string.</summary>
    public JwtAudience(string audience)
    {
        _single = audience ?? throw new ArgumentNullException(nameof(audience));
        _array = null;
    }

    /// <summary>Creates an audience written as a JSON array (the array is copied).</summary>
    public JwtAudience(params string[] audiences)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        string[] copy = (string[])audiences.Clone();
        foreach (string audience in copy)
        {
            ArgumentNullException.ThrowIfNull(audience, nameof(audiences));
        }

        _single = null;
        _array = copy;
    }

    /// <summary>Creates an audience written as a JSON array.</summary>
    public JwtAudience(ImmutableArray<string> audiences)
    {
        // An ImmutableArray cannot change, so its storage is shared rather than copied.
        string[] array = ImmutableCollectionsMarshal.AsArray(audiences) ?? Array.Empty<string>();
        foreach (string audience in array)
        {
            ArgumentNullException.ThrowIfNull(audience, nameof(audiences));
        }

        _single = null;
        _array = array;
    }

    // Takes ownership of an array nobody else holds (the reader's); the flag only tells this overload apart.
    private JwtAudience(string[] owned, bool _)
    {
        _single = null;
        _array = owned;
    }

    /// <summary>True when the audience is written as a JSON array (it was read from one, or created from several values).</summary>
    public bool IsArray => _array is not null;

    /// <summary>The number of audiences.</summary>
    public int Count => _array?.Length ?? (_single is null ? 0 : 1);

    /// <summary>The audience at <paramref name="index"/>.</summary>
    public string this[int index]
    {
        get
        {
            if (_array is not null)
            {
                return _array[index];
            }

            if (_single is null || index != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _single;
        }
    }

    /// <summary>Whether one of the audiences is <paramref name="audience"/> (ordinal comparison, as RFC 7519 §4.1.3 requires).</summary>
    public bool Contains(string audience)
    {
        if (_array is null)
        {
            return string.Equals(_single, audience, StringComparison.Ordinal);
        }

        foreach (string value in _array)
        {
            if (string.Equals(value, audience, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A single audience written as a JSON string.</summary>
    public static implicit operator JwtAudience(string audience) => new(audience);

    /// <summary>Enumerates the audiences without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Element-wise ordinal equality; a single string equals a one-element array holding it.</summary>
    public bool Equals(JwtAudience other)
    {
        int count = Count;
        if (count != other.Count)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            if (!string.Equals(this[i], other[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JwtAudience other && Equals(other);

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

    /// <summary>The audiences separated by commas (for logs and debugging).</summary>
    public override string ToString() => _array is null ? _single ?? "" : string.Join(", ", _array);

    /// <summary>Compares two audiences element-wise.</summary>
    public static bool operator ==(JwtAudience left, JwtAudience right) => left.Equals(right);

    /// <summary>Compares two audiences element-wise.</summary>
    public static bool operator !=(JwtAudience left, JwtAudience right) => !left.Equals(right);

    /// <summary>Reads the <c>aud</c> value the reader is positioned on: a string, or an array of at most <see cref="JwtReadOptions.MaxArrayLength"/> strings.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, string claimName, in JwtReadOptions options, out JwtAudience value, out JwtError error)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = new JwtAudience(JwtJson.GetString(ref reader));
            error = default;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            value = default;
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, claimName);
            return false;
        }

        if (!JwtClaimReader.TryReadArray(ref reader, claimName, in options, JwtClaimReader.TryReadString, out string[]? values, out error))
        {
            value = default;
            return false;
        }

        value = new JwtAudience(values, false);
        return true;
    }

    /// <summary>Writes the audience in the form it was read or created in. The default value is written as an empty array.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonEncodedText name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_single is not null)
        {
            writer.WriteString(name, _single);
            return;
        }

        writer.WriteStartArray(name);
        if (_array is not null)
        {
            foreach (string value in _array)
            {
                writer.WriteStringValue(value);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Enumerates the audiences of a <see cref="JwtAudience"/>.</summary>
    public struct Enumerator : IEnumerator<string>
    {
        private readonly JwtAudience _audience;
        private int _index;

        internal Enumerator(JwtAudience audience)
        {
            _audience = audience;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly string Current => _audience[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _audience.Count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
