using System;
using System.ComponentModel;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// NumericDate (RFC 7519 §2): seconds since 1970-01-01T00:00:00Z as a JSON number. Reading is strict: a string, null or a
/// number outside what <see cref="DateTimeOffset"/> represents is an error, never "absent". Fractional seconds are accepted.
/// Claims are <see cref="DateTimeOffset"/> members; this is what generated code reads and writes them with, not meant to be
/// called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JwtNumericDate
{
    private const long MinSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <summary>Reads the NumericDate the reader is positioned on.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, string claimName, out DateTimeOffset value, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            value = default;
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, claimName);
            return false;
        }

        if (reader.TryGetInt64(out long seconds))
        {
            if (seconds is >= MinSeconds and <= MaxSeconds)
            {
                value = DateTimeOffset.FromUnixTimeSeconds(seconds);
                error = default;
                return true;
            }
        }
        else if (reader.TryGetDecimal(out decimal fractional) && fractional >= MinSeconds && fractional < MaxSeconds + 1)
        {
            // decimal keeps the sub-second digits exactly; precision beyond a tick (100 ns) is truncated.
            long ticks = (long)decimal.Truncate(fractional * TimeSpan.TicksPerSecond);
            value = DateTimeOffset.UnixEpoch.AddTicks(ticks);
            error = default;
            return true;
        }

        value = default;
        error = JwtError.Create(JwtErrorCode.InvalidClaimValue, claimName);
        return false;
    }

    /// <summary>
    /// Writes a NumericDate as whole seconds; sub-second precision is dropped (rounded down), as every mainstream JWT
    /// library writes and expects integers even though RFC 7519 allows fractions.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    /// <summary>Writes a NumericDate value (for arrays or after a property name) as whole seconds.</summary>
    public static void WriteValue(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
