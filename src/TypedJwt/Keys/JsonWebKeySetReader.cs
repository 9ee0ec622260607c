using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Reads a JWK Set (RFC 7517 §5) for <see cref="JwtKeySet.FromJwks(ReadOnlySpan{byte})"/>. The document itself must be
/// well-formed JSON with one <c>keys</c> array; within that array a key TypedJwt cannot verify with is ignored, with the
/// reason, rather than refusing the set (RFC 7517 §5: ignore a kty that is not understood, missing required members,
/// values out of the supported range), so an issuer that adds an encryption or Ed25519 key does not take validators down.
/// Each element is read once: a member that fails is skipped to its end and the next one read, so the cost stays linear.
/// </summary>
internal static class JsonWebKeySetReader
{
    /// <summary>Adds each usable key with its position in <c>keys</c>, and each ignored key with its reason.</summary>
    internal static void Read(
        ReadOnlySpan<byte> utf8Json, JsonWebKeySetPolicy policy, List<(JwtSigningKey Key, int Index)> keys, List<IgnoredJsonWebKey> ignored)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException("A JWK Set must be a JSON object with a \"keys\" array.", nameof(utf8Json));
            }

            bool hasKeys = false;
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = JsonWebKeyReader.ReadMemberName(ref reader, names, "JWK Set");
                reader.Read();
                if (name == "keys")
                {
                    ReadKeysArray(ref reader, policy, keys, ignored);
                    hasKeys = true;
                }
                else
                {
                    reader.Skip();
                }
            }

            JsonWebKeyReader.RequireEndOfInput(ref reader);
            if (!hasKeys)
            {
                throw new ArgumentException("The JWK Set has no \"keys\" member.", nameof(utf8Json));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escapes a lone surrogate, which no UTF-8 text can hold; the document is
            // malformed, not one key, as for a single JWK.
            throw JsonWebKeyReader.MalformedJson("JWK Set", e);
        }
    }

    private static void ReadKeysArray(
        ref Utf8JsonReader reader, JsonWebKeySetPolicy policy, List<(JwtSigningKey Key, int Index)> keys, List<IgnoredJsonWebKey> ignored)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new ArgumentException("The JWK Set member 'keys' must be a JSON array.");
        }

        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadKey(ref reader, policy, out string? keyId, out string? reason) is { } key)
            {
                keys.Add((key, index));
            }
            else
            {
                ignored.Add(new IgnoredJsonWebKey(index, keyId, reason!));
            }

            index++;
        }
    }

    /// <summary>Reads one element of <c>keys</c>, which <paramref name="reader"/> is on, and leaves the reader on its end.</summary>
    /// <returns>The key, or null with the reason it is ignored.</returns>
    private static JwtSigningKey? ReadKey(ref Utf8JsonReader reader, JsonWebKeySetPolicy policy, out string? keyId, out string? reason)
    {
        keyId = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            reason = "The element is not a JSON object, as a JWK must be (RFC 7517 §4).";
            return null;
        }

        var members = new JsonWebKeyMembers();
        try
        {
            // What the key is for is judged before what it holds: an Ed25519 or encryption key is reported as such, not
            // for a member TypedJwt would have read differently. A purpose member that cannot be read is reported first.
            ReadMembers(ref reader, members, out string? purposeError, out string? materialError, out bool kidRepeated);
            keyId = kidRepeated ? null : members.KeyId;
            JwsAlgorithm algorithm = default;
            reason = purposeError ?? policy.TryBind(members, out algorithm) ?? materialError;
            if (reason is not null)
            {
                return null;
            }

            // The importer applies the same checks as for a single JWK, to the algorithm the policy bound.
            members.Algorithm = JwsAlgorithmNames.GetName(algorithm);
            try
            {
                return JsonWebKeyImporter.Import(members);
            }
            catch (ArgumentException e)
            {
                reason = e.Message;
                return null;
            }
        }
        finally
        {
            members.ClearPrivateMembers();
        }
    }

    private static void ReadMembers(
        ref Utf8JsonReader reader, JsonWebKeyMembers members, out string? purposeError, out string? materialError, out bool kidRepeated)
    {
        purposeError = null;
        materialError = null;
        kidRepeated = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // GetString unescapes, so "k" and "\u006b" are caught as the same member.
            string name = reader.GetString()!;
            bool isPurpose = name is "kty" or "alg" or "use" or "key_ops" or "crv" or "kid";
            reader.Read();
            string? error;
            if (!names.Add(name))
            {
                // The repeat is not read, so a secret member's first value is the only copy to clear.
                error = JsonWebKeyReader.DuplicateMember("JWK", name);
                kidRepeated |= name == "kid";
                reader.Skip();
            }
            else
            {
                error = TryReadMember(ref reader, name, members);
            }

            if (error is not null)
            {
                if (isPurpose)
                {
                    purposeError ??= error;
                }
                else
                {
                    materialError ??= error;
                }
            }
        }
    }

    private static string? TryReadMember(ref Utf8JsonReader reader, string name, JsonWebKeyMembers members)
    {
        // A copy of the reader is its position: on failure, go back to the value's start and skip the whole value.
        Utf8JsonReader start = reader;
        try
        {
            JsonWebKeyReader.ReadMember(ref reader, name, members);
            return null;
        }
        catch (ArgumentException e)
        {
            reader = start;
            reader.Skip();
            return e.Message;
        }
    }
}
