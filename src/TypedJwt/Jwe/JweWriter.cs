using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Creates encrypted tokens (JWE Compact Serialization, RFC 7516 §7.1) from a typed payload, and nested sign-then-encrypt
/// tokens (RFC 7519 §11.2). The header is <c>{"alg":…,"enc":…,"typ":…,"kid":…}</c>: <c>alg</c> and <c>enc</c> from the
/// key, <c>typ</c> from the payload type's <c>TokenType</c> (or <c>JWT</c>), <c>kid</c> when the key has one. A nested
/// token's outer header has <c>cty: JWT</c> instead of <c>typ</c>; the inner JWS carries the <c>typ</c> (RFC 8725 §3.11).
/// Every token gets a fresh random Initialization Vector and (except with <c>dir</c>) a fresh Content Encryption Key.
/// Writing into a caller's span allocates nothing beyond what the BCL ciphers allocate.
/// </summary>
public static class JweWriter
{
    private static readonly JsonEncodedText AlgorithmName = JsonEncodedText.Encode("alg");
    private static readonly JsonEncodedText EncryptionName = JsonEncodedText.Encode("enc");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("typ");
    private static readonly JsonEncodedText ContentTypeName = JsonEncodedText.Encode("cty");
    private static readonly JsonEncodedText KeyIdName = JsonEncodedText.Encode("kid");

    /// <summary>
    /// Writes the encrypted token as ASCII into <paramref name="destination"/>. Returns false, with nothing meaningful
    /// written, when <paramref name="destination"/> is too small.
    /// </summary>
    public static bool TryWrite<TPayload>(TPayload payload, JwtEncryptionKey key, Span<byte> destination, out int bytesWritten)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(key);
        JwsScratch scratch = JwsScratch.Rent();
        try
        {
            WriteHeader(scratch.Writer, key, TPayload.TokenType ?? "JWT", nested: false);
            int headerLength = scratch.Buffer.WrittenCount;
            scratch.Writer.Reset();
            payload.WriteJson(scratch.Writer);
            scratch.Writer.Flush();
            int plaintextLength = scratch.Buffer.WrittenCount - headerLength;

            // The ciphertext goes after the JSON in the same buffer; taking that span may move the buffer, so the JSON is read after.
            Span<byte> ciphertext = scratch.Buffer.GetSpan(JweContentCipher.GetCiphertextLength(key.Encryption, plaintextLength));
            ReadOnlySpan<byte> json = scratch.Buffer.WrittenSpan;
            return TryAssemble(json.Slice(0, headerLength), json.Slice(headerLength), ciphertext, key, destination, out bytesWritten);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Creates the encrypted token as a string; the string is the only allocation beyond the BCL ciphers'.</summary>
    public static string Write<TPayload>(TPayload payload, JwtEncryptionKey key)
        where TPayload : IJwtPayload<TPayload> =>
        WriteString((payload, key), static (state, buffer) => (TryWrite(state.payload, state.key, buffer, out int written), written));

    /// <summary>
    /// Signs the payload with <paramref name="signingKey"/> (a JWS, as <see cref="JwsWriter"/> makes it), then encrypts that
    /// token with <paramref name="encryptionKey"/> under <c>cty: JWT</c> (RFC 7519 §11.2). Returns false when
    /// <paramref name="destination"/> is too small.
    /// </summary>
    /// <exception cref="InvalidOperationException">The signing key cannot sign (it is public only).</exception>
    public static bool TryWriteNested<TPayload>(TPayload payload, JwtSigningKey signingKey, JwtEncryptionKey encryptionKey, Span<byte> destination, out int bytesWritten)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(encryptionKey);
        bytesWritten = 0;

        // The inner token is shorter than the outer one, so if it does not fit in the destination's size neither would the result.
        byte[] inner = ArrayPool<byte>.Shared.Rent(destination.Length);
        try
        {
            if (!JwsWriter.TryWrite(payload, signingKey, inner, out int innerLength))
            {
                return false;
            }

            JwsScratch scratch = JwsScratch.Rent();
            try
            {
                WriteHeader(scratch.Writer, encryptionKey, type: null, nested: true);
                int headerLength = scratch.Buffer.WrittenCount;
                Span<byte> ciphertext = scratch.Buffer.GetSpan(JweContentCipher.GetCiphertextLength(encryptionKey.Encryption, innerLength));
                return TryAssemble(scratch.Buffer.WrittenSpan.Slice(0, headerLength), inner.AsSpan(0, innerLength), ciphertext, encryptionKey, destination, out bytesWritten);
            }
            finally
            {
                scratch.Clear();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(inner, clearArray: true);
        }
    }

    /// <summary>Creates a nested sign-then-encrypt token as a string; see <see cref="TryWriteNested"/>.</summary>
    /// <exception cref="InvalidOperationException">The signing key cannot sign (it is public only).</exception>
    public static string WriteNested<TPayload>(TPayload payload, JwtSigningKey signingKey, JwtEncryptionKey encryptionKey)
        where TPayload : IJwtPayload<TPayload> =>
        WriteString(
            (payload, signingKey, encryptionKey),
            static (state, buffer) => (TryWriteNested(state.payload, state.signingKey, state.encryptionKey, buffer, out int written), written));

    private static string WriteString<TState>(TState state, Func<TState, byte[], (bool Done, int Written)> write)
    {
        int size = 1024;
        while (true)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                (bool done, int written) = write(state, buffer);
                if (done)
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

    private static void WriteHeader(Utf8JsonWriter writer, JwtEncryptionKey key, string? type, bool nested)
    {
        writer.WriteStartObject();
        writer.WriteString(AlgorithmName, JweAlgorithmNames.GetUtf8Name(key.Algorithm));
        writer.WriteString(EncryptionName, JweAlgorithmNames.GetUtf8Name(key.Encryption));
        if (nested)
        {
            writer.WriteString(ContentTypeName, "JWT"u8);
        }
        else if (type is not null)
        {
            writer.WriteString(TypeName, type);
        }

        if (key.KeyId is { } keyId)
        {
            writer.WriteString(KeyIdName, keyId);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static bool TryAssemble(
        ReadOnlySpan<byte> header,
        ReadOnlySpan<byte> plaintext,
        Span<byte> ciphertextBuffer,
        JwtEncryptionKey key,
        Span<byte> destination,
        out int bytesWritten)
    {
        bytesWritten = 0;
        JweEncryption encryption = key.Encryption;
        int ivSize = JweAlgorithmParameters.GetIvSize(encryption);
        int tagSize = JweAlgorithmParameters.GetTagSize(encryption);
        int ciphertextLength = JweContentCipher.GetCiphertextLength(encryption, plaintext.Length);
        int headerLength = Base64Url.GetEncodedLength(header.Length);
        int total = headerLength + 1 + Base64Url.GetEncodedLength(key.EncryptedKeySize) + 1 + Base64Url.GetEncodedLength(ivSize)
            + 1 + Base64Url.GetEncodedLength(ciphertextLength) + 1 + Base64Url.GetEncodedLength(tagSize);
        if (destination.Length < total)
        {
            return false;
        }

        // The AAD is the encoded header itself (RFC 7516 §5.1 step 14), so it is encoded first, in place.
        JwtBase64Url.Encode(header, destination);
        ReadOnlySpan<byte> aad = destination.Slice(0, headerLength);

        // RSA-16384 makes the largest Encrypted Key (2 KiB); anything up to 8192 bits stays on the stack.
        Span<byte> encryptedKeyStack = stackalloc byte[key.EncryptedKeySize <= 1024 ? 1024 : 0];
        byte[]? rented = encryptedKeyStack.IsEmpty ? ArrayPool<byte>.Shared.Rent(key.EncryptedKeySize) : null;
        Span<byte> cek = stackalloc byte[JweAlgorithmParameters.MaxContentKeySize];
        cek = cek.Slice(0, JweAlgorithmParameters.GetContentKeySize(encryption));
        Span<byte> iv = stackalloc byte[16];
        iv = iv.Slice(0, ivSize);
        Span<byte> tag = stackalloc byte[32];
        tag = tag.Slice(0, tagSize);
        Span<byte> ciphertext = ciphertextBuffer.Slice(0, ciphertextLength);
        try
        {
            Span<byte> encryptedKey = rented ?? encryptedKeyStack;
            int encryptedKeyLength = key.CreateContentKey(cek, encryptedKey);
            RandomNumberGenerator.Fill(iv);
            JweContentCipher.Encrypt(encryption, cek, iv, aad, plaintext, ciphertext, tag);

            int position = headerLength;
            position = AppendSegment(encryptedKey.Slice(0, encryptedKeyLength), destination, position);
            position = AppendSegment(iv, destination, position);
            position = AppendSegment(ciphertext, destination, position);
            bytesWritten = AppendSegment(tag, destination, position);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(cek);
            ciphertext.Clear();
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int AppendSegment(ReadOnlySpan<byte> segment, Span<byte> destination, int position)
    {
        destination[position] = (byte)'.';
        return position + 1 + JwtBase64Url.Encode(segment, destination.Slice(position + 1));
    }
}
