using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Sensitivity;

namespace TypedJwt.Generators.Flow;

/// <summary>What a call does to a sensitive value passed to it, as far as protecting it goes.</summary>
internal enum CallEffect
{
    /// <summary>Nothing known: the walker decides (a transparent call keeps the value, any other ends the path).</summary>
    None,

    /// <summary>An unkeyed hash (SHA-2/3, MD5, PBKDF2, a password hasher): anyone can recompute it for each guess.</summary>
    UnkeyedHash,

    /// <summary>A keyed MAC or an encryption (HMAC, <c>ProtectedData</c>, <c>IDataProtector</c>, a cipher, JWE): nobody without the key learns the value.</summary>
    Protection,
}

/// <summary>
/// Recognises the calls that hash or encrypt, by the containing type's and the method's names (no package dependency:
/// ASP.NET Core Data Protection and Identity, BouncyCastle or BCrypt.Net need not be referenced for their calls to count).
/// </summary>
internal static class ProtectingCalls
{
    private static readonly HashSet<string> HashTypes = new(System.StringComparer.Ordinal)
    {
        "SHA1", "SHA256", "SHA384", "SHA512", "SHA3_256", "SHA3_384", "SHA3_512", "MD5", "HashAlgorithm", "IncrementalHash",
        "Rfc2898DeriveBytes", "XxHash3", "XxHash32", "XxHash64", "XxHash128", "Crc32", "Crc64", "BCrypt", "Argon2",
    };

    private static readonly HashSet<string> CipherTypes = new(System.StringComparer.Ordinal)
    {
        "ProtectedData", "ProtectedMemory", "Aes", "AesGcm", "AesCcm", "ChaCha20Poly1305", "SymmetricAlgorithm", "RSA",
        "ICryptoTransform", "JweWriter", "KeyedHashAlgorithm", "HMAC",
    };

    /// <summary><paramref name="receiverType"/> first: <c>hmac.ComputeHash</c> is declared by HashAlgorithm but keyed by HMACSHA256.</summary>
    public static CallEffect Classify(IMethodSymbol method, ITypeSymbol? receiverType)
    {
        for (ITypeSymbol? type = receiverType as INamedTypeSymbol ?? method.ContainingType; type is not null; type = type.BaseType)
        {
            string name = type.Name;
            if (name.StartsWith("HMAC", System.StringComparison.Ordinal) || CipherTypes.Contains(name))
            {
                return CallEffect.Protection;
            }

            if (HashTypes.Contains(name))
            {
                // IncrementalHash.CreateHMAC makes a keyed hasher; its other methods keep whatever went in.
                return method.Name == "CreateHMAC" ? CallEffect.Protection : CallEffect.UnkeyedHash;
            }
        }

        // By the method's words: IDataProtector.Protect and its extension methods, Encrypt*, HashPassword, Sha256Hex...
        List<string> words = WordSplitter.Split(method.Name);
        foreach (string word in words)
        {
            switch (word)
            {
                case "protect":
                case "encrypt":
                case "encrypted":
                case "hmac":
                case "seal":
                    return CallEffect.Protection;
            }
        }

        foreach (string word in words)
        {
            switch (word)
            {
                case "hash":
                case "hashed":
                case "digest":
                case "sha":
                case "sha1":
                case "sha256":
                case "sha512":
                case "md5":
                case "pbkdf2":
                    return CallEffect.UnkeyedHash;
            }
        }

        return CallEffect.None;
    }
}
