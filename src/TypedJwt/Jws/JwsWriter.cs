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
        bool hasTypedHeader = header is not null && typeof(THeader) != typeof(NoJwtHeader);
        JwtWriterScratch scratch = JwtWriterScratch.Rent();
        try
        {
            Utf8JsonWriter writer = scratch.Writer;
            ReadOnlySpan<byte> encodedHeader = default;
            bool headerCached = !hasTypedHeader && key.EncodedHeaders.TryGet(TPayload.TokenType, out encodedHeader);
            Range headerJson = default;
            if (!headerCached)
            {
                headerJson = WriteHeader(scratch, header, hasTypedHeader, key, TPayload.TokenType);
                writer.Reset();
            }

            int payloadStart = scratch.Buffer.WrittenCount;
            payload.WriteJson(writer);
            writer.Flush();
            Range payloadJson = new(payloadStart, scratch.Buffer.WrittenCount);

            if (!headerCached)
            {
                Range encoded = EncodeInScratch(scratch, headerJson);
                encodedHeader = scratch.Buffer.WrittenSpan[encoded];
                if (!hasTypedHeader)
                {
                    key.EncodedHeaders.Add(TPayload.TokenType, encodedHeader);
                }
            }

            return TryAssemble(encodedHeader, scratch.Buffer.WrittenSpan[payloadJson], key, destination, out bytesWritten);
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

    // {"alg","typ","kid"} and, with a typed header, its parameters after them.
    private static Range WriteHeader<THeader>(JwtWriterScratch scratch, THeader? header, bool hasTypedHeader, JwtSigningKey key, string? type)
        where THeader : IJwtHeader<THeader>
    {
        Utf8JsonWriter writer = scratch.Writer;
        writer.WriteStartObject();
        writer.WriteString(AlgorithmName, JwsAlgorithmNames.GetUtf8Name(key.Algorithm));
        if (type is not null)
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

        if (!hasTypedHeader)
        {
            writer.WriteEndObject();
            writer.Flush();
            return new Range(0, scratch.Buffer.WrittenCount);
        }

        writer.Flush();
        return AppendTypedParameters(scratch, header!);
    }

    // base64url of a range of the scratch, appended to the scratch itself.
    private static Range EncodeInScratch(JwtWriterScratch scratch, Range json)
    {
        int jsonLength = json.GetOffsetAndLength(scratch.Buffer.WrittenCount).Length;
        int start = scratch.Buffer.WrittenCount;
        int length = Base64Url.GetEncodedLength(jsonLength);
        Span<byte> target = scratch.Buffer.GetSpan(length);
        JwtBase64Url.Encode(scratch.Buffer.WrittenSpan[json], target);
        scratch.Buffer.Advance(length);
        return new Range(start, start + length);
    }

    // The registered parameters were written as an open object "{...". The typed header writes a whole object "{...}";
    // the two are joined after them in the same buffer: prefix + "," + typed members + "}" (or prefix + "}" when empty).
    private static Range AppendTypedParameters<THeader>(JwtWriterScratch scratch, THeader header)
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

    private static bool TryAssemble(ReadOnlySpan<byte> encodedHeader, ReadOnlySpan<byte> payload, JwtSigningKey key, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int headerLength = encodedHeader.Length;
        int payloadLength = Base64Url.GetEncodedLength(payload.Length);
        int signingInputLength = headerLength + 1 + payloadLength;
        int total = signingInputLength + 1 + Base64Url.GetEncodedLength(key.SignatureSize);
        if (destination.Length < total)
        {
            return false;
        }

        encodedHeader.CopyTo(destination);
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
