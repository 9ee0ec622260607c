using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Floor;

/// <summary>
/// The create floor for a library that writes its payload with System.Text.Json's <see cref="Utf8JsonWriter"/>: the same
/// nine claims written by hand (names encoded once, one writer and buffer reused), then the reused-HMAC floor's work
/// (header bytes prepared in advance, base64url, keyed HMAC state reused). No library that serializes claims per token can
/// do less with that writer.
/// </summary>
internal sealed class JsonWriterFloor
{
    private static readonly JsonEncodedText Iss = JsonEncodedText.Encode("iss");
    private static readonly JsonEncodedText Sub = JsonEncodedText.Encode("sub");
    private static readonly JsonEncodedText Aud = JsonEncodedText.Encode("aud");
    private static readonly JsonEncodedText Exp = JsonEncodedText.Encode("exp");
    private static readonly JsonEncodedText Nbf = JsonEncodedText.Encode("nbf");
    private static readonly JsonEncodedText Iat = JsonEncodedText.Encode("iat");
    private static readonly JsonEncodedText Jti = JsonEncodedText.Encode("jti");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Roles = JsonEncodedText.Encode("roles");

    private readonly TokenClaims _claims;
    private readonly byte[] _encodedHeader;
    private readonly IncrementalHash _hmac;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly byte[] _destination = new byte[2048];

    public JsonWriterFloor(ScenarioKeys keys, TokenClaims claims, string token)
    {
        _claims = claims;
        _encodedHeader = System.Text.Encoding.ASCII.GetBytes(token[..token.IndexOf('.')]);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.Secret);
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Creates the token into a reused buffer; returns its length.</summary>
    public int Create()
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        WritePayload(_writer, _claims);
        _writer.Flush();

        Span<byte> destination = _destination;
        _encodedHeader.CopyTo(destination);
        int headerLength = _encodedHeader.Length;
        destination[headerLength] = (byte)'.';
        int signingInputLength = headerLength + 1 + Base64Url.EncodeToUtf8(_json.WrittenSpan, destination.Slice(headerLength + 1));
        destination[signingInputLength] = (byte)'.';
        Span<byte> mac = stackalloc byte[32];
        _hmac.AppendData(destination.Slice(0, signingInputLength));
        _hmac.GetHashAndReset(mac);
        return signingInputLength + 1 + Base64Url.EncodeToUtf8(mac, destination.Slice(signingInputLength + 1));
    }

    private static void WritePayload(Utf8JsonWriter writer, TokenClaims claims)
    {
        writer.WriteStartObject();
        writer.WriteString(Iss, TokenClaims.Issuer);
        writer.WriteString(Sub, TokenClaims.Subject);
        writer.WriteString(Aud, TokenClaims.Audience);
        writer.WriteNumber(Exp, claims.ExpiresAt.ToUnixTimeSeconds());
        writer.WriteNumber(Nbf, claims.NotBefore.ToUnixTimeSeconds());
        writer.WriteNumber(Iat, claims.IssuedAt.ToUnixTimeSeconds());
        writer.WriteString(Jti, claims.TokenId);
        writer.WriteString(Name, TokenClaims.Name);
        writer.WriteStartArray(Roles);
        foreach (string role in TokenClaims.Roles)
        {
            writer.WriteStringValue(role);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
