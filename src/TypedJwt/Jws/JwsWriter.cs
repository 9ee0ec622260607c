using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Creates signed tokens (JWS Compact Serialization, RFC 7515 §7.1) from a typed payload. The header is
/// <c>{"alg":…,"typ":…,"kid":…}</c>: <c>alg</c> from the key, <c>typ</c> from the payload type's <c>TokenType</c>
/// (or <c>JWT</c>), <c>kid</c> when the key has one. Writing into a caller's span allocates nothing.
/// </summary>
public static class JwsWriter
{
    private static readonly JsonEncodedText AlgorithmName = JsonEncodedText.Encode("alg");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("typ");
    private static readonly JsonEncodedText KeyIdName = JsonEncodedText.Encode("kid");

    /// <summary>
    /// Writes the token as ASCII into <paramref name="destination"/>. Returns false, with nothing meaningful written,
    /// when <paramref name="destination"/> is too small.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key cannot sign (it is public only).</exception>
    public static bool TryWrite<TPayload>(TPayload payload, JwtSigningKey key, Span<byte> destination, out int bytesWritten)
        where TPayload : IJwtPayload<TPayload> =>
        TryWrite<TPayload, NoJwtHeader>(payload, null, key, destination, out bytesWritten);

    /// <summary>
    /// Writes a token whose header carries, after <c>alg</c>, <c>typ</c> and <c>kid</c>, the parameters of a typed header
    /// (a <see cref="JwtHeaderAttribute"/> type). Returns false when <paramref name="destination"/> is too small.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key cannot sign (it is public only).</exception>
    public static bool TryWrite<TPayload, THeader>(TPayload payload, THeader? header, JwtSigningKey key, Span<byte> destination, out int bytesWritten)
        where TPayload : IJwtPayload<TPayload>
        where THeader : IJwtHeader<THeader>
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.CanSign)
        {
            throw new InvalidOperationException("The key is public only and cannot sign.");
        }

        bytesWritten = 0;
        JwsScratch scratch = JwsScratch.Rent();
        try
        {
            Utf8JsonWriter writer = scratch.Writer;
            writer.WriteStartObject();
            writer.WriteString(AlgorithmName, JwsAlgorithmNames.GetUtf8Name(key.Algorithm));
            if (TPayload.TokenType is { } type)
            {
                writer.WriteString(TypeName, type);
            }
            else
            {
                writer.WriteString(TypeName, "JWT"u8);
            }

            if (key.KeyId is { } keyId)
            {
                writer.WriteString(KeyIdName, keyId);
            }

            Range headerJson;
            if (header is null || typeof(THeader) == typeof(NoJwtHeader))
            {
                writer.WriteEndObject();
                writer.Flush();
                headerJson = new Range(0, scratch.Buffer.WrittenCount);
            }
            else
            {
                writer.Flush();
                headerJson = AppendTypedParameters(scratch, header);
            }

            int payloadStart = scratch.Buffer.WrittenCount;
            writer.Reset();
            payload.WriteJson(writer);
            writer.Flush();

            ReadOnlySpan<byte> json = scratch.Buffer.WrittenSpan;
            return TryAssemble(json[headerJson], json.Slice(payloadStart), key, destination, out bytesWritten);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Creates the token as a string; the string is the only allocation.</summary>
    /// <exception cref="InvalidOperationException">The key cannot sign (it is public only).</exception>
    public static string Write<TPayload>(TPayload payload, JwtSigningKey key)
        where TPayload : IJwtPayload<TPayload> =>
        Write<TPayload, NoJwtHeader>(payload, null, key);

    /// <summary>Creates the token, with a typed header, as a string; the string is the only allocation.</summary>
    /// <exception cref="InvalidOperationException">The key cannot sign (it is public only).</exception>
    public static string Write<TPayload, THeader>(TPayload payload, THeader? header, JwtSigningKey key)
        where TPayload : IJwtPayload<TPayload>
        where THeader : IJwtHeader<THeader>
    {
        int size = 1024;
        while (true)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (TryWrite(payload, header, key, buffer, out int written))
                {
                    return Encoding.ASCII.GetString(buffer, 0, written);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            }

            size *= 2;
        }
    }

    // The registered parameters were written as an open object "{...". The typed header writes a whole object "{...}";
    // the two are joined after them in the same buffer: prefix + "," + typed members + "}" (or prefix + "}" when empty).
    private static Range AppendTypedParameters<THeader>(JwsScratch scratch, THeader header)
        where THeader : IJwtHeader<THeader>
    {
        int prefixLength = scratch.Buffer.WrittenCount;
        scratch.Writer.Reset();
        header.WriteJson(scratch.Writer);
        scratch.Writer.Flush();
        int typedLength = scratch.Buffer.WrittenCount - prefixLength;
        int start = scratch.Buffer.WrittenCount;
        int length = typedLength > 2 ? prefixLength + typedLength : prefixLength + 1;

        Span<byte> target = scratch.Buffer.GetSpan(length);
        ReadOnlySpan<byte> written = scratch.Buffer.WrittenSpan;
        written.Slice(0, prefixLength).CopyTo(target);
        if (typedLength > 2)
        {
            target[prefixLength] = (byte)',';
            written.Slice(prefixLength + 1, typedLength - 1).CopyTo(target.Slice(prefixLength + 1));
        }
        else
        {
            target[prefixLength] = (byte)'}';
        }

        scratch.Buffer.Advance(length);
        return new Range(start, start + length);
    }

    private static bool TryAssemble(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, JwtSigningKey key, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int headerLength = Base64Url.GetEncodedLength(header.Length);
        int payloadLength = Base64Url.GetEncodedLength(payload.Length);
        int signingInputLength = headerLength + 1 + payloadLength;
        int total = signingInputLength + 1 + Base64Url.GetEncodedLength(key.SignatureSize);
        if (destination.Length < total)
        {
            return false;
        }

        JwtBase64Url.Encode(header, destination);
        destination[headerLength] = (byte)'.';
        JwtBase64Url.Encode(payload, destination.Slice(headerLength + 1));
        destination[signingInputLength] = (byte)'.';

        // The largest signature is RSA-16384 (2 KiB); the raw signature goes just past where its encoding ends.
        Span<byte> signature = stackalloc byte[key.SignatureSize <= 512 ? 512 : 0];
        byte[]? rented = signature.IsEmpty ? ArrayPool<byte>.Shared.Rent(key.SignatureSize) : null;
        try
        {
            Span<byte> target = rented ?? signature;
            if (!key.TrySign(destination.Slice(0, signingInputLength), target, out int signatureLength))
            {
                return false;
            }

            int encoded = JwtBase64Url.Encode(target.Slice(0, signatureLength), destination.Slice(signingInputLength + 1));
            bytesWritten = signingInputLength + 1 + encoded;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
