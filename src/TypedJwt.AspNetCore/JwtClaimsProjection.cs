using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Projects a validated payload into <see cref="Claim"/>s for the claims-based ASP.NET Core APIs. The mapping, with no
/// inbound claim-type renaming (<c>sub</c> stays <c>sub</c>, never <c>nameidentifier</c>):
/// <list type="bullet">
/// <item>every top-level member becomes claims of the type of its JSON name, exactly as in the token;</item>
/// <item>a string becomes its value (<see cref="ClaimValueTypes.String"/>); a number its JSON text
/// (<see cref="ClaimValueTypes.Integer64"/> or <see cref="ClaimValueTypes.Double"/>); true/false
/// (<see cref="ClaimValueTypes.Boolean"/>); an object its JSON text (value type <c>JSON</c>); null nothing;</item>
/// <item>an array becomes one claim per element, by the same rules (so <c>"roles":["admin","user"]</c> is two <c>roles</c> claims).</item>
/// </list>
/// </summary>
internal static class JwtClaimsProjection
{
    /// <summary>The value type of a claim holding a JSON object or array (the name Microsoft.IdentityModel uses too).</summary>
    public const string JsonValueType = "JSON";

    /// <summary>
    /// Projects the payload of a token the validator has already accepted, read with the same nesting limit as the validator
    /// read it (<paramref name="maxDepth"/>, the policy's <see cref="JwtValidationPolicy.MaxJsonDepth"/>), so that nothing the
    /// validator accepted can fail here.
    /// </summary>
    public static List<Claim> Project(ReadOnlySpan<char> token, string issuer, int maxDepth)
    {
        int first = token.IndexOf('.');
        int second = token.Slice(first + 1).IndexOf('.') + first + 1;
        ReadOnlySpan<char> segment = token.Slice(first + 1, second - first - 1);

        byte[] json = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(segment.Length));
        try
        {
            int length = Base64Url.DecodeFromChars(segment, json);
            return Read(json.AsSpan(0, length), issuer, maxDepth);
        }
        finally
        {
            // The payload may be personal data: clear it before the buffer goes back to the pool.
            ArrayPool<byte>.Shared.Return(json, clearArray: true);
        }
    }

    internal static List<Claim> Read(ReadOnlySpan<byte> json, string issuer, int maxDepth)
    {
        var claims = new List<Claim>();
        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(maxDepth));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string type = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Add(claims, type, ref reader, json, issuer);
                }
            }
            else
            {
                Add(claims, type, ref reader, json, issuer);
            }
        }

        return claims;
    }

    private static void Add(List<Claim> claims, string type, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string issuer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                claims.Add(new Claim(type, reader.GetString()!, ClaimValueTypes.String, issuer));
                break;
            case JsonTokenType.Number:
                // The reader runs over one contiguous span, so a value is never split across segments.
                ReadOnlySpan<byte> number = reader.ValueSpan;
                string valueType = number.IndexOfAny(".eE"u8) >= 0 ? ClaimValueTypes.Double : ClaimValueTypes.Integer64;
                claims.Add(new Claim(type, Encoding.UTF8.GetString(number), valueType, issuer));
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                claims.Add(new Claim(type, reader.TokenType == JsonTokenType.True ? "true" : "false", ClaimValueTypes.Boolean, issuer));
                break;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                int end = (int)reader.BytesConsumed;
                claims.Add(new Claim(type, Encoding.UTF8.GetString(json[start..end]), JsonValueType, issuer));
                break;
        }
    }
}
