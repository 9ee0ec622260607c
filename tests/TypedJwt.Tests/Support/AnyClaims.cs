using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TypedJwt.Tests.Support;

/// <summary>
/// A payload type written by hand (not generated) that accepts any JSON object and keeps nothing, for conformance vectors
/// whose payloads have no fixed shape. It still reads strictly: duplicates are rejected and the object must be well formed.
/// </summary>
internal sealed class AnyClaims : IJwtPayload<AnyClaims>
{
    public static string? TokenType => null;

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }

    public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out AnyClaims value, out JwtError error)
    {
        var registered = default(JwtRegisteredClaims);
        return TryReadJson(ref reader, in options, ref registered, out value, out error);
    }

    public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, ref JwtRegisteredClaims registered, [MaybeNullWhen(false)] out AnyClaims value, out JwtError error)
    {
        value = TrySkipObject(ref reader, in options, ref registered, out error) ? new AnyClaims() : null;
        return value is not null;
    }

    public JwtError ValidateConstraints() => default;

    // It keeps no claim, so it has none to hand out.
    public void VisitClaims(IJwtClaimVisitor visitor)
    {
    }

    // Every member may be a registered claim the validator governs, so each one is shown to it before being skipped.
    internal static bool TrySkipObject(ref Utf8JsonReader reader, in JwtReadOptions options, ref JwtRegisteredClaims registered, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, "payload");
            return false;
        }

        var names = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!names.TryAdd(in reader))
                {
                    error = JwtError.Create(JwtErrorCode.DuplicateMember);
                    return false;
                }

                if (!registered.TryRead(in reader, out error) || !JwtJson.TrySkipValue(ref reader, null, options.MaxArrayLength, out error))
                {
                    return false;
                }
            }
        }
        finally
        {
            names.Dispose();
        }

        error = default;
        return true;
    }
}

/// <summary>Like <see cref="AnyClaims"/>, but issued and required with <c>typ: at+jwt</c> (RFC 9068).</summary>
internal sealed class AnyAccessTokenClaims : IJwtPayload<AnyAccessTokenClaims>
{
    public static string? TokenType => "at+jwt";

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("iss", "https://issuer.example");
        writer.WriteString("aud", "api");
        writer.WriteNumber("exp", 4102444800); // 2100-01-01
        writer.WriteEndObject();
    }

    public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out AnyAccessTokenClaims value, out JwtError error)
    {
        var registered = default(JwtRegisteredClaims);
        return TryReadJson(ref reader, in options, ref registered, out value, out error);
    }

    public static bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, ref JwtRegisteredClaims registered, [MaybeNullWhen(false)] out AnyAccessTokenClaims value, out JwtError error)
    {
        value = AnyClaims.TrySkipObject(ref reader, in options, ref registered, out error) ? new AnyAccessTokenClaims() : null;
        return value is not null;
    }

    public JwtError ValidateConstraints() => default;

    public void VisitClaims(IJwtClaimVisitor visitor)
    {
        visitor.VisitString("iss", "https://issuer.example");
        visitor.VisitString("aud", "api");
        visitor.VisitInteger("exp", 4102444800);
    }
}
