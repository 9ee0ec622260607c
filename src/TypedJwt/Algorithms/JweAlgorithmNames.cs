using System;

namespace TypedJwt;

/// <summary>
/// The registered names of the JWE algorithms (<c>alg</c>, RFC 7518 §4.1) and content encryption algorithms (<c>enc</c>,
/// RFC 7518 §5.1), as strings and UTF-8 bytes. Parsing is exact and case-sensitive and allocation-free, as for
/// <see cref="JwsAlgorithmNames"/>.
/// </summary>
public static class JweAlgorithmNames
{
    /// <summary>Parses an <c>alg</c> value given as UTF-8 bytes (already unescaped). Names TypedJwt does not implement return false.</summary>
    /// <param name="utf8Name">The name, for example <c>RSA-OAEP-256</c>.</param>
    /// <param name="algorithm">The algorithm, when the name is one TypedJwt implements.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8Name, out JweAlgorithm algorithm)
    {
        for (algorithm = JweAlgorithm.Direct; algorithm <= JweAlgorithm.EcdhEsA256KW; algorithm++)
        {
            if (utf8Name.SequenceEqual(GetUtf8Name(algorithm)))
            {
                return true;
            }
        }

        algorithm = default;
        return false;
    }

    /// <summary>Parses an <c>enc</c> value given as UTF-8 bytes (already unescaped). Names TypedJwt does not implement return false.</summary>
    /// <param name="utf8Name">The name, for example <c>A256GCM</c>.</param>
    /// <param name="encryption">The content encryption algorithm, when the name is one TypedJwt implements.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8Name, out JweEncryption encryption)
    {
        for (encryption = JweEncryption.A128GCM; encryption <= JweEncryption.A256CbcHS512; encryption++)
        {
            if (utf8Name.SequenceEqual(GetUtf8Name(encryption)))
            {
                return true;
            }
        }

        encryption = default;
        return false;
    }

    /// <summary>The registered name of <paramref name="algorithm"/>, for example <c>"dir"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not a defined value.</exception>
    public static string GetName(JweAlgorithm algorithm) => algorithm switch
    {
        JweAlgorithm.Direct => "dir",
        JweAlgorithm.A128KW => "A128KW",
        JweAlgorithm.A256KW => "A256KW",
        JweAlgorithm.RsaOaep => "RSA-OAEP",
        JweAlgorithm.RsaOaep256 => "RSA-OAEP-256",
        JweAlgorithm.EcdhEs => "ECDH-ES",
        JweAlgorithm.EcdhEsA128KW => "ECDH-ES+A128KW",
        JweAlgorithm.EcdhEsA256KW => "ECDH-ES+A256KW",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The registered name of <paramref name="encryption"/>, for example <c>"A128CBC-HS256"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encryption"/> is not a defined value.</exception>
    public static string GetName(JweEncryption encryption) => encryption switch
    {
        JweEncryption.A128GCM => "A128GCM",
        JweEncryption.A256GCM => "A256GCM",
        JweEncryption.A128CbcHS256 => "A128CBC-HS256",
        JweEncryption.A256CbcHS512 => "A256CBC-HS512",
        _ => throw new ArgumentOutOfRangeException(nameof(encryption)),
    };

    /// <summary>The registered name of <paramref name="algorithm"/> as UTF-8 bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not a defined value.</exception>
    public static ReadOnlySpan<byte> GetUtf8Name(JweAlgorithm algorithm) => algorithm switch
    {
        JweAlgorithm.Direct => "dir"u8,
        JweAlgorithm.A128KW => "A128KW"u8,
        JweAlgorithm.A256KW => "A256KW"u8,
        JweAlgorithm.RsaOaep => "RSA-OAEP"u8,
        JweAlgorithm.RsaOaep256 => "RSA-OAEP-256"u8,
        JweAlgorithm.EcdhEs => "ECDH-ES"u8,
        JweAlgorithm.EcdhEsA128KW => "ECDH-ES+A128KW"u8,
        JweAlgorithm.EcdhEsA256KW => "ECDH-ES+A256KW"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The registered name of <paramref name="encryption"/> as UTF-8 bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encryption"/> is not a defined value.</exception>
    public static ReadOnlySpan<byte> GetUtf8Name(JweEncryption encryption) => encryption switch
    {
        JweEncryption.A128GCM => "A128GCM"u8,
        JweEncryption.A256GCM => "A256GCM"u8,
        JweEncryption.A128CbcHS256 => "A128CBC-HS256"u8,
        JweEncryption.A256CbcHS512 => "A256CBC-HS512"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(encryption)),
    };
}
