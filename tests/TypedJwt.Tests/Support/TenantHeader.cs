using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TypedJwt.Tests.Support;

/// <summary>A typed header written by hand (one extra parameter, "tenant"), to test the runtime's header paths on their own.</summary>
internal sealed record TenantHeader(string? Tenant) : IJwtHeader<TenantHeader>
{
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Tenant is not null)
        {
            writer.WriteString("tenant", Tenant);
        }

        writer.WriteEndObject();
    }

    public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out TenantHeader value, out JwtError error)
    {
        string? tenant = null;
        value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("tenant"u8))
            {
                reader.Read();
                tenant = reader.GetString();
            }
            else if (!JwtJson.TrySkipValue(ref reader, null, options.MaxArrayLength, out error))
            {
                return false;
            }
        }

        value = new TenantHeader(tenant);
        error = default;
        return true;
    }

    public JwtError ValidateConstraints() => Tenant == "" ? JwtError.Create(JwtErrorCode.ConstraintViolated, "tenant") : default;
}
