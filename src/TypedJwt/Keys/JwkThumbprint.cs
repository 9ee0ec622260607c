using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// RFC 7638 JWK thumbprints with SHA-256, base64url-encoded: the value of <c>cnf.jkt</c> (RFC 9449 §6.1). The hash input
/// is the JWK's required public members only, in lexicographic order, as JSON with no whitespace (§3.2): RSA
/// <c>{"e","kty","n"}</c>, EC <c>{"crv","kty","x","y"}</c>. Optional members (<c>kid</c>, <c>alg</c>, <c>use</c>) do not
/// change it, so the same key has one thumbprint however it is published.
/// </summary>
public static class JwkThumbprint
{
    /// <summary>The length of a SHA-256 thumbprint in base64url: 32 bytes, unpadded.</summary>
    public const int Sha256Base64UrlLength = 43;

    // Above this the canonical JSON is rented: an RSA modulus of 8192 bits is 1366 characters of base64url.
    private const int StackLimit = 1024;

    /// <summary>The SHA-256 thumbprint of <paramref name="key"/>'s public JWK (RSA or EC; a symmetric key has none to publish).</summary>
    /// <exception cref="ArgumentException">The key is symmetric.</exception>
    public static string ComputeSha256(JwtSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key is HmacSigningKey)
        {
            throw new ArgumentException("A symmetric key has no public JWK and no thumbprint a client could prove.", nameof(key));
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            key.WritePublicJwk(writer);
        }

        return ComputeSha256(buffer.WrittenSpan);
    }

    /// <summary>The SHA-256 thumbprint of a public RSA or EC JWK given as JSON text (RFC 7638 §3.1).</summary>
    /// <exception cref="ArgumentException">The JSON is not a JWK with the required members of its key type.</exception>
    public static string ComputeSha256(string jwkJson)
    {
        ArgumentNullException.ThrowIfNull(jwkJson);
        return ComputeSha256(Encoding.UTF8.GetBytes(jwkJson));
    }

    private static string ComputeSha256(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? kty = null, crv = null, x = null, y = null, n = null, e = null;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                string? value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                switch (name)
                {
                    case "kty": kty = value; break;
                    case "crv": crv = value; break;
                    case "x": x = value; break;
                    case "y": y = value; break;
                    case "n": n = value; break;
                    case "e": e = value; break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new ArgumentException("The JWK is not well-formed JSON.", nameof(json), exception);
        }

        Span<byte> thumbprint = stackalloc byte[Sha256Base64UrlLength];
        if (!TryComputeSha256(Utf8(kty), Utf8(crv), Utf8(x), Utf8(y), Utf8(n), Utf8(e), thumbprint))
        {
            throw new ArgumentException("The JWK is not an RSA (e, n) or EC (crv, x, y) public key with base64url members.", nameof(json));
        }

        return Encoding.ASCII.GetString(thumbprint);
    }

    private static ReadOnlySpan<byte> Utf8(string? value) => value is null ? default : Encoding.UTF8.GetBytes(value);

    /// <summary>
    /// Writes the base64url SHA-256 thumbprint (<see cref="Sha256Base64UrlLength"/> bytes) of the key whose members are
    /// given as their JSON string values, unescaped. False when the key type is not RSA or EC, a required member is
    /// missing, or a member holds a character that would need escaping in the canonical JSON (no valid key has one).
    /// </summary>
    internal static bool TryComputeSha256(
        ReadOnlySpan<byte> kty, ReadOnlySpan<byte> crv, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, ReadOnlySpan<byte> n, ReadOnlySpan<byte> e,
        Span<byte> destination)
    {
        bool isRsa = kty.SequenceEqual("RSA"u8);
        bool isEc = kty.SequenceEqual("EC"u8);
        if (destination.Length < Sha256Base64UrlLength
            || (isRsa && !(IsPlain(e) && IsPlain(n)))
            || (isEc && !(IsPlain(crv) && IsPlain(x) && IsPlain(y)))
            || !(isRsa || isEc))
        {
            return false;
        }

        int length = isRsa ? 30 + e.Length + n.Length : 38 + crv.Length + x.Length + y.Length;
        byte[]? rented = null;
        Span<byte> json = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        int written = 0;
        if (isRsa)
        {
            Append(json, ref written, "{\"e\":\""u8);
            Append(json, ref written, e);
            Append(json, ref written, "\",\"kty\":\"RSA\",\"n\":\""u8);
            Append(json, ref written, n);
            Append(json, ref written, "\"}"u8);
        }
        else
        {
            Append(json, ref written, "{\"crv\":\""u8);
            Append(json, ref written, crv);
            Append(json, ref written, "\",\"kty\":\"EC\",\"x\":\""u8);
            Append(json, ref written, x);
            Append(json, ref written, "\",\"y\":\""u8);
            Append(json, ref written, y);
            Append(json, ref written, "\"}"u8);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json.Slice(0, written), hash);
        JwtBase64Url.Encode(hash, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return true;
    }

    private static void Append(Span<byte> destination, ref int written, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination.Slice(written));
        written += text.Length;
    }

    // Printable ASCII without the quote and backslash: written as-is in JSON. Base64url and curve names are all of this.
    private static bool IsPlain(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (byte b in value)
        {
            if (b < 0x20 || b > 0x7E || b == (byte)'"' || b == (byte)'\\')
            {
                return false;
            }
        }

        return true;
    }
}
