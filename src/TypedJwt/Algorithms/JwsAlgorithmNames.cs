using System;

namespace TypedJwt;

/// <summary>
/// The registered names of the JWS algorithms (the <c>alg</c> header parameter, RFC 7518 §3.1), as strings and as UTF-8
/// bytes. Parsing is exact and case-sensitive, as RFC 7515 §4.1.1 requires, and allocation-free so the token reader can
/// call it on the header bytes.
/// </summary>
public static class JwsAlgorithmNames
{
    /// <summary>Parses an <c>alg</c> value given as UTF-8 bytes (already unescaped). <c>none</c> and unknown names return false.</summary>
    /// <param name="utf8Name">The name, for example <c>ES256</c>.</param>
    /// <param name="algorithm">The algorithm, when the name is one TypedJwt implements.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8Name, out JwsAlgorithm algorithm)
    {
        algorithm = default;

        // Every name TypedJwt implements is a two-letter family followed by a three-digit hash size.
        if (utf8Name.Length != 5)
        {
            return false;
        }

        int hashIndex;
        ReadOnlySpan<byte> hashSize = utf8Name.Slice(2);
        if (hashSize.SequenceEqual("256"u8))
        {
            hashIndex = 0;
        }
        else if (hashSize.SequenceEqual("384"u8))
        {
            hashIndex = 1;
        }
        else if (hashSize.SequenceEqual("512"u8))
        {
            hashIndex = 2;
        }
        else
        {
            return false;
        }

        JwsAlgorithm first;
        ReadOnlySpan<byte> family = utf8Name.Slice(0, 2);
        if (family.SequenceEqual("HS"u8))
        {
            first = JwsAlgorithm.HS256;
        }
        else if (family.SequenceEqual("RS"u8))
        {
            first = JwsAlgorithm.RS256;
        }
        else if (family.SequenceEqual("PS"u8))
        {
            first = JwsAlgorithm.PS256;
        }
        else if (family.SequenceEqual("ES"u8))
        {
            first = JwsAlgorithm.ES256;
        }
        else
        {
            return false;
        }

        // The enum lists each family's 256/384/512 members consecutively.
        algorithm = first + hashIndex;
        return true;
    }

    /// <summary>The registered name of <paramref name="algorithm"/>, for example <c>"RS256"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not a defined value.</exception>
    public static string GetName(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.HS256 => "HS256",
        JwsAlgorithm.HS384 => "HS384",
        JwsAlgorithm.HS512 => "HS512",
        JwsAlgorithm.RS256 => "RS256",
        JwsAlgorithm.RS384 => "RS384",
        JwsAlgorithm.RS512 => "RS512",
        JwsAlgorithm.PS256 => "PS256",
        JwsAlgorithm.PS384 => "PS384",
        JwsAlgorithm.PS512 => "PS512",
        JwsAlgorithm.ES256 => "ES256",
        JwsAlgorithm.ES384 => "ES384",
        JwsAlgorithm.ES512 => "ES512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The registered name of <paramref name="algorithm"/> as UTF-8 bytes, for writing headers without transcoding.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not a defined value.</exception>
    public static ReadOnlySpan<byte> GetUtf8Name(JwsAlgorithm algorithm) => algorithm switch
    {
        JwsAlgorithm.HS256 => "HS256"u8,
        JwsAlgorithm.HS384 => "HS384"u8,
        JwsAlgorithm.HS512 => "HS512"u8,
        JwsAlgorithm.RS256 => "RS256"u8,
        JwsAlgorithm.RS384 => "RS384"u8,
        JwsAlgorithm.RS512 => "RS512"u8,
        JwsAlgorithm.PS256 => "PS256"u8,
        JwsAlgorithm.PS384 => "PS384"u8,
        JwsAlgorithm.PS512 => "PS512"u8,
        JwsAlgorithm.ES256 => "ES256"u8,
        JwsAlgorithm.ES384 => "ES384"u8,
        JwsAlgorithm.ES512 => "ES512"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
