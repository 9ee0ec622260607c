using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Analyzers;

/// <summary>
/// The key factories TJ0011 and TJ0012 watch, resolved once per compilation. Microsoft.IdentityModel's
/// <c>SymmetricSecurityKey</c> is found by metadata name (users mix it in); TypedJwt takes no dependency on it.
/// </summary>
internal sealed class KeyFactorySymbols
{
    private KeyFactorySymbols(INamedTypeSymbol signingKey, INamedTypeSymbol? keySet, INamedTypeSymbol? symmetricSecurityKey)
    {
        SigningKey = signingKey;
        KeySet = keySet;
        SymmetricSecurityKey = symmetricSecurityKey;
    }

    public INamedTypeSymbol SigningKey { get; }

    public INamedTypeSymbol? KeySet { get; }

    public INamedTypeSymbol? SymmetricSecurityKey { get; }

    /// <summary>Null when TypedJwt is not referenced: then nothing is registered.</summary>
    public static KeyFactorySymbols? Resolve(Compilation compilation)
    {
        INamedTypeSymbol? signingKey = compilation.GetTypeByMetadataName("TypedJwt.JwtSigningKey");
        return signingKey is null
            ? null
            : new KeyFactorySymbols(
                signingKey,
                compilation.GetTypeByMetadataName("TypedJwt.JwtKeySet"),
                compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Tokens.SymmetricSecurityKey"));
    }
}
