using System.Net;

namespace TypedJwt.AspNetCore.Tests.Providers;

/// <summary>
/// OpenIddict as the identity provider: access tokens from its token endpoint (client credentials, real HTTP) validated
/// through its discovery document, plain and in OpenIddict's default encrypted form, and across a signing key rotation.
/// </summary>
public sealed class OpenIddictInteropTests
{
    private static Dictionary<string, string?> Settings(OpenIddictProvider provider)
    {
        // No Jwt:Issuer: the authority is the issuer, and OpenIddict's (with its trailing slash) matches it.
        Dictionary<string, string?> settings = ProviderApp.Settings(provider.Authority);
        settings.Remove("Jwt:Issuer");
        return settings;
    }

    [Fact]
    public async Task Signed_access_tokens_validate_through_discovery()
    {
        await using OpenIddictProvider provider = await OpenIddictProvider.StartAsync(encryptAccessTokens: false);
        await using ProviderApp app = await ProviderApp.StartAsync(Settings(provider));

        string token = await provider.GetAccessTokenAsync();

        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
    }

    [Fact]
    public async Task OpenIddicts_default_encrypted_access_tokens_validate_with_the_encryption_key_configured_here()
    {
        await using OpenIddictProvider provider = await OpenIddictProvider.StartAsync(encryptAccessTokens: true);
        await using ProviderApp app = await ProviderApp.StartAsync(Settings(provider), options =>
            options.EncryptionKey = JwtEncryptionKey.FromRsa(provider.EncryptionRsa, JweAlgorithm.RsaOaep, JweEncryption.A256CbcHS512, "encryption-1"));

        string token = await provider.GetAccessTokenAsync();

        Assert.Equal(5, token.Split('.').Length);
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(token));
    }

    [Fact]
    public async Task After_a_signing_key_rotation_new_tokens_validate_once_the_keys_are_refetched()
    {
        await using OpenIddictProvider provider = await OpenIddictProvider.StartAsync(encryptAccessTokens: false);
        await using ProviderApp app = await ProviderApp.StartAsync(Settings(provider));
        string before = await provider.GetAccessTokenAsync();
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(before));

        provider.RotateSigningKey("signing-2");
        string after = await provider.GetAccessTokenAsync();

        // The first token with the new kid is refused at once and starts the refetch; the next one is accepted.
        Assert.Equal(HttpStatusCode.Unauthorized, await app.GetMeAsync(after));
        await app.Source.LastFetch;
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(after));
        Assert.Equal(HttpStatusCode.OK, await app.GetMeAsync(before));
    }
}
