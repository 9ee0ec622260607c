using System;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>Creates an <see cref="Aes"/> instance keyed from a span: directly on .NET 9+, through a cleared copy on .NET 8.</summary>
internal static class AesFactory
{
    public static Aes Create(ReadOnlySpan<byte> key)
    {
        Aes aes = Aes.Create();
#if NET9_0_OR_GREATER
        aes.SetKey(key);
#else
        // .NET 8 has no span setter; the Key setter keeps its own copy, so this one is wiped at once.
        byte[] copy = key.ToArray();
        aes.Key = copy;
        CryptographicOperations.ZeroMemory(copy);
#endif
        return aes;
    }
}
