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
    private static readonly JsonEncodedText EphemeralKeyName = JsonEncodedText.Encode("epk");
    private static readonly JsonEncodedText KeyTypeName = JsonEncodedText.Encode("kty");
    private static readonly JsonEncodedText CurveName = JsonEncodedText.Encode("crv");
    private static readonly JsonEncodedText XName = JsonEncodedText.Encode("x");
    private static readonly JsonEncodedText YName = JsonEncodedText.Encode("y");

    /// <summary>
    /// Writes the encrypted token as ASCII into <paramref name="destination"/>. Returns false, with nothing meaningful
    /// written, when <paramref name="destination"/> is too small.
    /// </summary>
    public static bool TryWrite<TPayload>(TPayload payload, JwtEncryptionKey key, Span<byte> destination, out int bytesWritten)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(key);
        JwtWriterScratch scratch = JwtWriterScratch.Rent();
        try
        {
            payload.WriteJson(scratch.Writer);
            scratch.Writer.Flush();
            var plaintext = new Range(0, scratch.Buffer.WrittenCount);
            return TryEncrypt(scratch, plaintext, default, key, TPayload.TokenType ?? "JWT", destination, out bytesWritten);
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

            JwtWriterScratch scratch = JwtWriterScratch.Rent();
            try
            {
                return TryEncrypt(scratch, default, inner.AsSpan(0, innerLength), encryptionKey, type: null, destination, out bytesWritten);
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

    // A null type marks the nested form: the outer header says cty: JWT and the inner token carries typ.
    private static void WriteHeader(Utf8JsonWriter writer, JwtEncryptionKey key, string? type, ReadOnlySpan<byte> ephemeralPublicKey)
    {
        writer.WriteStartObject();
        writer.WriteString(AlgorithmName, JweAlgorithmNames.GetUtf8Name(key.Algorithm));
        writer.WriteString(EncryptionName, JweAlgorithmNames.GetUtf8Name(key.Encryption));
        if (type is null)
        {
            writer.WriteString(ContentTypeName, "JWT"u8);
        }
        else
        {
            writer.WriteString(TypeName, type);
        }

        if (key.KeyId is { } keyId)
        {
            writer.WriteString(KeyIdName, keyId);
        }

        if (!ephemeralPublicKey.IsEmpty)
        {
            // RFC 7518 §4.6.1.1: the ephemeral public key as a JWK with only the public members.
            int fieldSize = ephemeralPublicKey.Length / 2;
            Span<byte> coordinate = stackalloc byte[Base64Url.GetEncodedLength(66)];
            writer.WriteStartObject(EphemeralKeyName);
            writer.WriteString(KeyTypeName, "EC"u8);
            writer.WriteString(CurveName, key.CurveName);
            writer.WriteString(XName, coordinate.Slice(0, JwtBase64Url.Encode(ephemeralPublicKey.Slice(0, fieldSize), coordinate)));
            writer.WriteString(YName, coordinate.Slice(0, JwtBase64Url.Encode(ephemeralPublicKey.Slice(fieldSize), coordinate)));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// Encrypts the plaintext (<c>scratch[plaintextInScratch]</c>, or <paramref name="externalPlaintext"/> for a nested
    /// token) into the compact form. The key is run first because ECDH-ES puts its ephemeral key into the header, which is
    /// the AAD; the header JSON and then the ciphertext are written after the plaintext in the scratch buffer.
    /// </summary>
    private static bool TryEncrypt(
        JwtWriterScratch scratch,
        Range plaintextInScratch,
        ReadOnlySpan<byte> externalPlaintext,
        JwtEncryptionKey key,
        string? type,
        Span<byte> destination,
        out int bytesWritten)
    {
        bytesWritten = 0;
        bool nested = type is null;
        JweEncryption encryption = key.Encryption;
        int plaintextLength = nested ? externalPlaintext.Length : plaintextInScratch.GetOffsetAndLength(scratch.Buffer.WrittenCount).Length;
        int ivSize = JweAlgorithmParameters.GetIvSize(encryption);
        int tagSize = JweAlgorithmParameters.GetTagSize(encryption);
        int ciphertextLength = JweContentCipher.GetCiphertextLength(encryption, plaintextLength);

        // RSA-16384 makes the largest Encrypted Key (2 KiB); anything up to 8192 bits stays on the stack.
        Span<byte> encryptedKeyStack = stackalloc byte[key.EncryptedKeySize <= 1024 ? 1024 : 0];
        byte[]? rented = encryptedKeyStack.IsEmpty ? ArrayPool<byte>.Shared.Rent(key.EncryptedKeySize) : null;
        Span<byte> cek = stackalloc byte[JweAlgorithmParameters.MaxContentKeySize];
        cek = cek.Slice(0, JweAlgorithmParameters.GetContentKeySize(encryption));
        Span<byte> ephemeralPublicKey = stackalloc byte[2 * 66];
        ephemeralPublicKey = ephemeralPublicKey.Slice(0, key.EphemeralKeySize);
        Span<byte> iv = stackalloc byte[16];
        iv = iv.Slice(0, ivSize);
        Span<byte> tag = stackalloc byte[32];
        tag = tag.Slice(0, tagSize);
        Span<byte> ciphertext = default;
        try
        {
            Span<byte> encryptedKey = rented ?? encryptedKeyStack;
            int encryptedKeyLength = key.CreateContentKey(cek, encryptedKey, ephemeralPublicKey);

            int headerStart = scratch.Buffer.WrittenCount;
            scratch.Writer.Reset();
            WriteHeader(scratch.Writer, key, type, ephemeralPublicKey);
            int headerEnd = scratch.Buffer.WrittenCount;

            // Taking the ciphertext span may move the buffer, so what was written is read only after it.
            ciphertext = scratch.Buffer.GetSpan(ciphertextLength).Slice(0, ciphertextLength);
            ReadOnlySpan<byte> json = scratch.Buffer.WrittenSpan;
            ReadOnlySpan<byte> header = json[headerStart..headerEnd];
            ReadOnlySpan<byte> plaintext = nested ? externalPlaintext : json[plaintextInScratch];

            int headerLength = Base64Url.GetEncodedLength(header.Length);
            int total = headerLength + 1 + Base64Url.GetEncodedLength(encryptedKeyLength) + 1 + Base64Url.GetEncodedLength(ivSize)
                + 1 + Base64Url.GetEncodedLength(ciphertextLength) + 1 + Base64Url.GetEncodedLength(tagSize);
            if (destination.Length < total)
            {
                return false;
            }

            // The AAD is the encoded header itself (RFC 7516 §5.1 step 14), so it is encoded first, in place.
            JwtBase64Url.Encode(header, destination);
            RandomNumberGenerator.Fill(iv);
            JweContentCipher.Encrypt(encryption, cek, iv, destination.Slice(0, headerLength), plaintext, ciphertext, tag);

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
