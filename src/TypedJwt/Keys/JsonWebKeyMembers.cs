namespace TypedJwt;

/// <summary>
/// The members of one JWK that TypedJwt understands (RFC 7517 §4, RFC 7518 §6), as read, before any policy is applied.
/// Byte members are already base64url-decoded; unknown members are not kept.
/// </summary>
internal sealed class JsonWebKeyMembers
{
    internal string? KeyType { get; set; }

    internal string? Algorithm { get; set; }

    internal string? PublicKeyUse { get; set; }

    internal System.Collections.Generic.HashSet<string>? KeyOperations { get; set; }

    internal string? KeyId { get; set; }

    internal string? Curve { get; set; }

    /// <summary><c>k</c>: the symmetric key value.</summary>
    internal byte[]? KeyValue { get; set; }

    /// <summary><c>n</c>: the RSA modulus.</summary>
    internal byte[]? Modulus { get; set; }

    /// <summary><c>e</c>: the RSA public exponent.</summary>
    internal byte[]? Exponent { get; set; }

    /// <summary><c>d</c>: the RSA private exponent or the EC private key.</summary>
    internal byte[]? PrivateExponent { get; set; }

    internal byte[]? FirstPrimeFactor { get; set; }

    internal byte[]? SecondPrimeFactor { get; set; }

    internal byte[]? FirstFactorCrtExponent { get; set; }

    internal byte[]? SecondFactorCrtExponent { get; set; }

    internal byte[]? FirstCrtCoefficient { get; set; }

    /// <summary>True when <c>oth</c> (more than two RSA primes) is present.</summary>
    internal bool HasOtherPrimesInfo { get; set; }

    internal byte[]? X { get; set; }

    internal byte[]? Y { get; set; }

    /// <summary>Overwrites every secret member, once the BCL key object holds its own copy.</summary>
    internal void ClearPrivateMembers()
    {
        Clear(KeyValue);
        Clear(PrivateExponent);
        Clear(FirstPrimeFactor);
        Clear(SecondPrimeFactor);
        Clear(FirstFactorCrtExponent);
        Clear(SecondFactorCrtExponent);
        Clear(FirstCrtCoefficient);
    }

    private static void Clear(byte[]? secret)
    {
        if (secret is not null)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        }
    }
}
