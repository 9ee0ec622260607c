using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TypedJwt.Tests.Generated;

/// <summary>Small helpers: write a claim set to a JSON string, read one from a JSON string.</summary>
internal static class Json
{
    public static string Write<T>(T value) where T : IJwtClaimSet<T>
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static T Read<T>(string json) where T : IJwtClaimSet<T>
    {
        Assert.True(JwtClaimReader.TryReadDocument<T>(Encoding.UTF8.GetBytes(json), out T? value, out JwtError error), error.Message);
        return value!;
    }

    public static JwtError Error<T>(string json, int maxArrayLength = JwtReadOptions.DefaultMaxArrayLength) where T : IJwtClaimSet<T>
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), JwtJson.ReaderOptions(16));
        reader.Read();
        Assert.False(T.TryReadJson(ref reader, new JwtReadOptions(maxArrayLength), out T? value, out JwtError error));
        Assert.Null(value);
        return error;
    }
}
