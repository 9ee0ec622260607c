using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Reads one JWK (RFC 7517 §4) with <see cref="Utf8JsonReader"/>: no reflection, no serializer. Duplicate member names are
/// refused (escaped spellings of one name included), unknown members skipped, byte members decoded as strict base64url.
/// Every failure is an <see cref="ArgumentException"/> naming the member (escaped, see <see cref="JwtErrorMessages.Quote"/>),
/// never quoting a value. <see cref="JsonWebKeySetReader"/> reads sets with the same member readers.
/// </summary>
internal static class JsonWebKeyReader
{
    internal static JwtSigningKey ReadKey(ReadOnlySpan<byte> utf8Json) => ReadKey(utf8Json, JsonWebKeyImporter.Import);

    /// <summary>Reads one JWK and hands its members to <paramref name="import"/>, which applies a key policy (signing or encryption).</summary>
    internal static TKey ReadKey<TKey>(ReadOnlySpan<byte> utf8Json, Func<JsonWebKeyMembers, TKey> import)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException("A JWK must be a JSON object.", nameof(utf8Json));
            }

            TKey key = ReadKeyObject(ref reader, import);
            RequireEndOfInput(ref reader);
            return key;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escapes a lone surrogate, which no UTF-8 text can hold.
            throw MalformedJson("JWK", e);
        }
    }

    /// <summary>Reads one JWK object; <paramref name="reader"/> is on its start and is left on its end.</summary>
    private static TKey ReadKeyObject<TKey>(ref Utf8JsonReader reader, Func<JsonWebKeyMembers, TKey> import)
    {
        var members = new JsonWebKeyMembers();
        try
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = ReadMemberName(ref reader, names, "JWK");
                reader.Read();
                ReadMember(ref reader, name, members);
            }

            return import(members);
        }
        finally
        {
            members.ClearPrivateMembers();
        }
    }

    internal static void ReadMember(ref Utf8JsonReader reader, string name, JsonWebKeyMembers members)
    {
        switch (name)
        {
            case "kty": members.KeyType = ReadString(ref reader, name); break;
            case "alg": members.Algorithm = ReadString(ref reader, name); break;
            case "use": members.PublicKeyUse = ReadString(ref reader, name); break;
            case "kid": members.KeyId = ReadString(ref reader, name); break;
            case "crv": members.Curve = ReadString(ref reader, name); break;
            case "key_ops": members.KeyOperations = ReadKeyOperations(ref reader); break;
            case "k": members.KeyValue = ReadBase64Url(ref reader, name); break;
            case "n": members.Modulus = ReadBase64Url(ref reader, name); break;
            case "e": members.Exponent = ReadBase64Url(ref reader, name); break;
            case "d": members.PrivateExponent = ReadBase64Url(ref reader, name); break;
            case "p": members.FirstPrimeFactor = ReadBase64Url(ref reader, name); break;
            case "q": members.SecondPrimeFactor = ReadBase64Url(ref reader, name); break;
            case "dp": members.FirstFactorCrtExponent = ReadBase64Url(ref reader, name); break;
            case "dq": members.SecondFactorCrtExponent = ReadBase64Url(ref reader, name); break;
            case "qi": members.FirstCrtCoefficient = ReadBase64Url(ref reader, name); break;
            case "x": members.X = ReadBase64Url(ref reader, name); break;
            case "y": members.Y = ReadBase64Url(ref reader, name); break;
            case "oth":
                members.HasOtherPrimesInfo = true;
                reader.Skip();
                break;
            default:
                // RFC 7517 §4: members that are not understood MUST be ignored.
                reader.Skip();
                break;
        }
    }

    internal static string ReadMemberName(ref Utf8JsonReader reader, HashSet<string> seen, string what)
    {
        // GetString unescapes, so "k" and "\u006b" are caught as the same member.
        string name = reader.GetString()!;
        if (!seen.Add(name))
        {
            throw new ArgumentException(DuplicateMember(what, name));
        }

        return name;
    }

    /// <summary>The name is the input's text: escaped and shortened, since it may hold CR/LF or be long (CWE-117).</summary>
    internal static string DuplicateMember(string what, string name) =>
        $"The {what} has the member '{JwtErrorMessages.Quote(name)}' more than once.";

    private static string ReadString(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new ArgumentException($"The JWK member '{member}' must be a JSON string.");
        }

        return reader.GetString()!;
    }

    private static byte[] ReadBase64Url(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new ArgumentException($"The JWK member '{member}' must be a base64url JSON string.");
        }

        bool decoded;
        byte[] value;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            // Unescape into a buffer rather than a string, so private key text is not left in an immutable string.
            byte[] unescaped = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
            int length = reader.CopyString(unescaped);
            decoded = JwtBase64Url.TryDecodeToArray(unescaped.AsSpan(0, length), out value);
            CryptographicOperations.ZeroMemory(unescaped);
        }
        else
        {
            decoded = JwtBase64Url.TryDecodeToArray(reader.ValueSpan, out value);
        }

        if (!decoded)
        {
            throw new ArgumentException(
                $"The JWK member '{member}' is not strict base64url (RFC 7515 §2: URL-safe alphabet, no padding, no whitespace, unused trailing bits zero).");
        }

        return value;
    }

    private static HashSet<string> ReadKeyOperations(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new ArgumentException("The JWK member 'key_ops' must be a JSON array of strings.");
        }

        var operations = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new ArgumentException("The JWK member 'key_ops' must be a JSON array of strings.");
            }

            // RFC 7517 §4.3: duplicate key operation values MUST NOT be present.
            if (!operations.Add(reader.GetString()!))
            {
                throw new ArgumentException("The JWK member 'key_ops' lists the same operation more than once.");
            }
        }

        return operations;
    }

    internal static void RequireEndOfInput(ref Utf8JsonReader reader)
    {
        // Reading past the root value throws for trailing content; a clean end returns false.
        if (reader.Read())
        {
            throw new ArgumentException("The JSON has content after its root object.");
        }
    }

    internal static ArgumentException MalformedJson(string what, Exception e) =>
        // The reader's own message can quote input bytes, which may be key material; only the position is passed on.
        new(e is JsonException json
            ? $"The {what} is not well-formed JSON (line {json.LineNumber}, byte {json.BytePositionInLine})."
            : $"The {what} has a string that escapes an invalid Unicode code point.");
}
