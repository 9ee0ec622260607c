using System;
using System.Security.Cryptography;
using System.Text;

namespace TypedJwt;

/// <summary>
/// Turns the members of one JWK into a <see cref="JwtSigningKey"/>, applying TypedJwt's key policy: <c>alg</c> is
/// required and must fit <c>kty</c> and <c>crv</c> (RFC 8725 §3.1: one key, one algorithm); the key must be meant for
/// signatures (<c>use</c>, <c>key_ops</c>); sizes and parameters must meet RFC 7518. Messages name members, never values.
/// In a JWK Set, <see cref="JsonWebKeySetPolicy"/> first binds a key without <c>alg</c>, and a refusal here ignores the key
/// rather than the set (<see cref="JsonWebKeySetReader"/>).
/// </summary>
internal static class JsonWebKeyImporter
{
    internal static JwtSigningKey Import(JsonWebKeyMembers jwk)
    {
        string keyType = jwk.KeyType ?? throw new ArgumentException("The JWK has no 'kty' member.");
        JwsAlgorithm algorithm = ReadAlgorithm(jwk);
        RequireSignatureUse(jwk);

        JwsAlgorithmFamily family = JwsAlgorithmParameters.GetFamily(algorithm);
        string expectedKeyType = family switch
        {
            JwsAlgorithmFamily.Hmac => "oct",
            JwsAlgorithmFamily.Ecdsa => "EC",
            _ => "RSA",
        };
        if (keyType != "oct" && keyType != "RSA" && keyType != "EC")
        {
            throw new ArgumentException("The JWK 'kty' is not one TypedJwt signs with (oct, RSA or EC).");
        }

        if (keyType != expectedKeyType)
        {
            throw new ArgumentException(
                $"The JWK 'alg' {JwsAlgorithmNames.GetName(algorithm)} needs 'kty' {expectedKeyType}, but the JWK's 'kty' is {keyType}.");
        }

        return family switch
        {
            JwsAlgorithmFamily.Hmac => ImportSymmetric(jwk, algorithm),
            JwsAlgorithmFamily.Ecdsa => ImportEllipticCurve(jwk, algorithm),
            _ => ImportRsa(jwk, algorithm),
        };
    }

    private static JwsAlgorithm ReadAlgorithm(JsonWebKeyMembers jwk)
    {
        if (jwk.Algorithm is null)
        {
            throw new ArgumentException(
                "The JWK has no 'alg' member. TypedJwt binds every key to exactly one algorithm (RFC 8725 §3.1), so the JWK must carry 'alg' (for example \"alg\":\"ES256\").");
        }

        if (!JwsAlgorithmNames.TryParse(Encoding.UTF8.GetBytes(jwk.Algorithm), out JwsAlgorithm algorithm))
        {
            throw new ArgumentException(
                "The JWK 'alg' is not a JWS algorithm TypedJwt implements (HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512); 'none', encryption and key-management algorithms are refused.");
        }

        return algorithm;
    }

    private static void RequireSignatureUse(JsonWebKeyMembers jwk)
    {
        if (jwk.PublicKeyUse is not null && jwk.PublicKeyUse != "sig")
        {
            throw new ArgumentException("The JWK 'use' is not \"sig\"; a key meant for encryption is not used for signatures (RFC 7517 §4.2).");
        }

        if (jwk.KeyOperations is not null && !jwk.KeyOperations.Contains("sign") && !jwk.KeyOperations.Contains("verify"))
        {
            throw new ArgumentException("The JWK 'key_ops' contains neither \"sign\" nor \"verify\" (RFC 7517 §4.3).");
        }
    }

    private static HmacSigningKey ImportSymmetric(JsonWebKeyMembers jwk, JwsAlgorithm algorithm)
    {
        byte[] key = jwk.KeyValue ?? throw new ArgumentException("The oct JWK has no 'k' member.");
        int hashSize = JwsAlgorithmParameters.GetHashSize(algorithm);
        if (key.Length < hashSize)
        {
            throw new ArgumentException(
                $"The JWK 'k' is {key.Length} bytes; {JwsAlgorithmNames.GetName(algorithm)} requires at least {hashSize} bytes, the size of the hash output (RFC 7518 §3.2).");
        }

        return new HmacSigningKey(algorithm, key, jwk.KeyId);
    }

    private static RsaSigningKey ImportRsa(JsonWebKeyMembers jwk, JwsAlgorithm algorithm)
    {
        RSA rsa = ImportRsaKey(jwk, JwsAlgorithmNames.GetName(algorithm), out bool isPrivate);
        try
        {
            return new RsaSigningKey(rsa, algorithm, jwk.KeyId, isPrivate);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>Imports the RSA members (shared by signing and encryption keys); the caller owns the returned instance.</summary>
    internal static RSA ImportRsaKey(JsonWebKeyMembers jwk, string algorithmName, out bool isPrivate)
    {
        if (jwk.Modulus is null || jwk.Exponent is null)
        {
            throw new ArgumentException("The RSA JWK needs both 'n' and 'e'.");
        }

        if (jwk.HasOtherPrimesInfo)
        {
            throw new ArgumentException("The RSA JWK has 'oth': keys with more than two primes are not supported.");
        }

        // RFC 7518 §2 asks for minimal Base64urlUInt, but some libraries emit a leading zero octet; the integer is the same.
        byte[] modulus = BigEndianIntegers.TrimLeadingZeros(jwk.Modulus).ToArray();
        int modulusBits = BigEndianIntegers.BitLength(modulus);
        if (modulusBits < RsaSigningKey.MinimumModulusBits)
        {
            throw new ArgumentException(
                $"The JWK 'n' is a {modulusBits}-bit modulus; {algorithmName} requires at least {RsaSigningKey.MinimumModulusBits} bits (RFC 7518 §3.3, §4.3).");
        }

        if (!RsaSigningKey.IsUsablePublicExponent(jwk.Exponent))
        {
            throw new ArgumentException("The JWK 'e' must be an odd public exponent greater than 1.");
        }

        var parameters = new RSAParameters
        {
            Modulus = modulus,
            Exponent = BigEndianIntegers.TrimLeadingZeros(jwk.Exponent).ToArray(),
        };

        isPrivate = AddRsaPrivateParameters(jwk, ref parameters);
        RSA rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(parameters);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException("The RSA JWK's parameters are not a consistent RSA key; the platform refused to import them.");
        }
        finally
        {
            ClearRsaPrivateParameters(parameters);
        }

        return rsa;
    }

    /// <summary>Adds <c>d</c> and the CRT members, fixed to the lengths the BCL requires. Returns false for a public key.</summary>
    private static bool AddRsaPrivateParameters(JsonWebKeyMembers jwk, ref RSAParameters parameters)
    {
        byte[]?[] crt =
        [
            jwk.FirstPrimeFactor, jwk.SecondPrimeFactor, jwk.FirstFactorCrtExponent, jwk.SecondFactorCrtExponent, jwk.FirstCrtCoefficient,
        ];
        int crtPresent = 0;
        foreach (byte[]? member in crt)
        {
            crtPresent += member is null ? 0 : 1;
        }

        if (jwk.PrivateExponent is null)
        {
            return crtPresent == 0
                ? false
                : throw new ArgumentException("The RSA JWK has CRT members ('p', 'q', 'dp', 'dq', 'qi') but no private exponent 'd'.");
        }

        // RFC 7518 §6.3.2 lets a producer omit the CRT members, but the BCL can only import a private key with them.
        if (crtPresent != crt.Length)
        {
            throw new ArgumentException(
                "The RSA JWK has 'd' without all of 'p', 'q', 'dp', 'dq' and 'qi'; TypedJwt needs the CRT members to import a private RSA key.");
        }

        int modulusLength = parameters.Modulus!.Length;
        int halfLength = (modulusLength + 1) / 2;
        parameters.D = FixedLength(jwk.PrivateExponent, modulusLength, "d");
        parameters.P = FixedLength(jwk.FirstPrimeFactor!, halfLength, "p");
        parameters.Q = FixedLength(jwk.SecondPrimeFactor!, halfLength, "q");
        parameters.DP = FixedLength(jwk.FirstFactorCrtExponent!, halfLength, "dp");
        parameters.DQ = FixedLength(jwk.SecondFactorCrtExponent!, halfLength, "dq");
        parameters.InverseQ = FixedLength(jwk.FirstCrtCoefficient!, halfLength, "qi");
        return true;
    }

    private static byte[] FixedLength(byte[] value, int length, string member) =>
        BigEndianIntegers.ToFixedLength(value, length)
        ?? throw new ArgumentException($"The RSA JWK member '{member}' is longer than the modulus allows.");

    private static void ClearRsaPrivateParameters(RSAParameters parameters)
    {
        foreach (byte[]? secret in new[] { parameters.D, parameters.P, parameters.Q, parameters.DP, parameters.DQ, parameters.InverseQ })
        {
            if (secret is not null)
            {
                CryptographicOperations.ZeroMemory(secret);
            }
        }
    }

    private static EcdsaSigningKey ImportEllipticCurve(JsonWebKeyMembers jwk, JwsAlgorithm algorithm)
    {
        string curveName = JwsAlgorithmParameters.GetCurveName(algorithm);
        if (jwk.Curve is null)
        {
            throw new ArgumentException("The EC JWK has no 'crv' member.");
        }

        if (jwk.Curve != curveName)
        {
            throw new ArgumentException(
                $"The JWK 'crv' does not match 'alg': {JwsAlgorithmNames.GetName(algorithm)} requires curve {curveName} (RFC 7518 §3.4).");
        }

        // RFC 7518 §6.2.1.2, §6.2.1.3, §6.2.2.1: coordinates and d are always exactly the field size.
        int fieldSize = JwsAlgorithmParameters.GetFieldSize(algorithm);
        RequireFieldSize(jwk.X, "x", fieldSize, curveName);
        RequireFieldSize(jwk.Y, "y", fieldSize, curveName);
        if (jwk.PrivateExponent is not null)
        {
            RequireFieldSize(jwk.PrivateExponent, "d", fieldSize, curveName);
        }

        var parameters = new ECParameters
        {
            Curve = JwsAlgorithmParameters.GetCurve(algorithm),
            Q = new ECPoint { X = jwk.X, Y = jwk.Y },
            D = jwk.PrivateExponent,
        };

        ECDsa ecdsa = ECDsa.Create();
        try
        {
            // The platform checks that (x, y) is on the curve, and that d matches it, when importing.
            ecdsa.ImportParameters(parameters);
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            throw new ArgumentException(
                $"The EC point ('x', 'y') is not on the curve {curveName}, or 'd' is not its private key; the platform refused to import it.");
        }

        return new EcdsaSigningKey(ecdsa, algorithm, jwk.KeyId, jwk.PrivateExponent is not null);
    }

    private static void RequireFieldSize(byte[]? value, string member, int fieldSize, string curveName)
    {
        if (value is null)
        {
            throw new ArgumentException($"The EC JWK has no '{member}' member.");
        }

        if (value.Length != fieldSize)
        {
            throw new ArgumentException($"The EC JWK member '{member}' must be exactly {fieldSize} bytes for {curveName} (RFC 7518 §6.2).");
        }
    }
}
