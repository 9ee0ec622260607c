using System;
using System.Security.Cryptography;
using System.Text;

namespace TypedJwt;

/// <summary>
/// Turns the members of one JWK into a <see cref="JwtEncryptionKey"/>, with the same strictness as the signing-key import:
/// <c>alg</c> is required and must fit <c>kty</c>; the key must be meant for encryption (<c>use</c>, <c>key_ops</c>); sizes
/// must meet RFC 7518. Messages name members, never values.
/// </summary>
internal static class EncryptionKeyImporter
{
    internal static JwtEncryptionKey Import(JsonWebKeyMembers jwk, JweEncryption encryption)
    {
        string keyType = jwk.KeyType ?? throw new ArgumentException("The JWK has no 'kty' member.");
        RequireEncryptionUse(jwk);
        if (jwk.Algorithm is null)
        {
            throw new ArgumentException(
                "The JWK has no 'alg' member. TypedJwt binds every key to exactly one algorithm (RFC 8725 §3.1), so the JWK must carry 'alg' (for example \"alg\":\"RSA-OAEP-256\").");
        }

        byte[] algorithmName = Encoding.UTF8.GetBytes(jwk.Algorithm);
        bool isDirect = algorithmName.AsSpan().SequenceEqual("dir"u8);

        // RFC 7520 §5.6 publishes a dir key whose 'alg' is the content encryption algorithm; it must be the one asked for.
        if (JweAlgorithmNames.TryParse(algorithmName, out JweEncryption keyEncryption))
        {
            if (keyEncryption != encryption)
            {
                throw new ArgumentException(
                    $"The JWK 'alg' names the content encryption algorithm {jwk.Algorithm}, but the key is requested for {JweAlgorithmNames.GetName(encryption)}.");
            }

            isDirect = true;
        }

        if (isDirect)
        {
            return new DirectEncryptionKey(encryption, RequireOctet(jwk, keyType), jwk.KeyId);
        }

        if (!JweAlgorithmNames.TryParse(algorithmName, out JweAlgorithm algorithm))
        {
            throw new ArgumentException(
                "The JWK 'alg' is not a JWE algorithm TypedJwt implements (dir, A128KW, A256KW, RSA-OAEP-256, RSA-OAEP, ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A256KW); RSA1_5, PBES2, A192KW and A*GCMKW are refused.");
        }

        if (algorithm is JweAlgorithm.A128KW or JweAlgorithm.A256KW)
        {
            return new AesKeyWrapEncryptionKey(algorithm, encryption, RequireOctet(jwk, keyType), jwk.KeyId);
        }

        if (JweAlgorithmParameters.IsEcdh(algorithm))
        {
            return ImportEllipticCurve(jwk, keyType, algorithm, encryption);
        }

        if (keyType != "RSA")
        {
            throw new ArgumentException($"The JWK 'alg' {jwk.Algorithm} needs 'kty' RSA, but the JWK's 'kty' is {keyType}.");
        }

        RSA rsa = JsonWebKeyImporter.ImportRsaKey(jwk, jwk.Algorithm, out bool isPrivate);
        try
        {
            return new RsaOaepEncryptionKey(rsa, algorithm, encryption, jwk.KeyId, isPrivate);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            throw;
        }
    }

    private static EcdhEncryptionKey ImportEllipticCurve(JsonWebKeyMembers jwk, string keyType, JweAlgorithm algorithm, JweEncryption encryption)
    {
        if (keyType != "EC")
        {
            throw new ArgumentException($"The JWK 'alg' {jwk.Algorithm} needs 'kty' EC, but the JWK's 'kty' is {keyType}.");
        }

        int fieldSize = JweCurves.GetFieldSize(jwk.Curve);
        if (fieldSize == 0)
        {
            throw new ArgumentException("The EC JWK 'crv' must be P-256, P-384 or P-521 for ECDH-ES (RFC 7518 §6.2.1.1).");
        }

        // RFC 7518 §6.2.1.2, §6.2.1.3, §6.2.2.1: coordinates and d are always exactly the field size.
        foreach ((byte[]? value, string member) in new[] { (jwk.X, "x"), (jwk.Y, "y"), (jwk.PrivateExponent, "d") })
        {
            if ((value is null && member != "d") || (value is not null && value.Length != fieldSize))
            {
                throw new ArgumentException($"The EC JWK member '{member}' must be present and exactly {fieldSize} bytes for {jwk.Curve} (RFC 7518 §6.2).");
            }
        }

        var parameters = new ECParameters
        {
            Curve = JweCurves.GetCurve(jwk.Curve!),
            Q = new ECPoint { X = jwk.X, Y = jwk.Y },
            D = jwk.PrivateExponent,
        };

        ECDiffieHellman ecdh = ECDiffieHellman.Create();
        try
        {
            // The platform checks that (x, y) is on the curve, and that d matches it, when importing.
            ecdh.ImportParameters(parameters);
            return new EcdhEncryptionKey(ecdh, algorithm, encryption, jwk.KeyId, jwk.PrivateExponent is not null);
        }
        catch (CryptographicException)
        {
            ecdh.Dispose();
            throw new ArgumentException(
                $"The EC point ('x', 'y') is not on the curve {jwk.Curve}, or 'd' is not its private key; the platform refused to import it.");
        }
    }

    private static byte[] RequireOctet(JsonWebKeyMembers jwk, string keyType)
    {
        if (keyType != "oct")
        {
            throw new ArgumentException($"The JWK 'alg' {jwk.Algorithm} needs 'kty' oct, but the JWK's 'kty' is {keyType}.");
        }

        return jwk.KeyValue ?? throw new ArgumentException("The oct JWK has no 'k' member.");
    }

    private static void RequireEncryptionUse(JsonWebKeyMembers jwk)
    {
        if (jwk.PublicKeyUse is not null && jwk.PublicKeyUse != "enc")
        {
            throw new ArgumentException("The JWK 'use' is not \"enc\"; a key meant for signatures is not used for encryption (RFC 7517 §4.2).");
        }

        if (jwk.KeyOperations is not null
            && !jwk.KeyOperations.Contains("encrypt") && !jwk.KeyOperations.Contains("decrypt")
            && !jwk.KeyOperations.Contains("wrapKey") && !jwk.KeyOperations.Contains("unwrapKey"))
        {
            throw new ArgumentException("The JWK 'key_ops' contains none of \"encrypt\", \"decrypt\", \"wrapKey\", \"unwrapKey\" (RFC 7517 §4.3).");
        }
    }
}
