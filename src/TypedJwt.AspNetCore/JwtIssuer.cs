using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Issues <typeparamref name="TPayload"/> tokens with a bearer scheme's signing key, issuer, audience, clock and lifetime,
/// for login endpoints: signed tokens, or with an <see cref="TypedJwtBearerOptions.EncryptionKey"/>, tokens signed then
/// encrypted (or only encrypted, when <see cref="TypedJwtBearerOptions.RequireSignedTokens"/> is off), as the scheme reads them. Registered as a singleton by <c>AddTypedJwtBearer&lt;TPayload&gt;</c>; thread-safe.
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed partial class JwtIssuer<TPayload>
    where TPayload : IJwtPayload<TPayload>
{
    private readonly IOptionsMonitor<TypedJwtBearerOptions> _options;
    private readonly string _scheme;

    /// <summary>Creates an issuer for the scheme named <paramref name="authenticationScheme"/>.</summary>
    public JwtIssuer(IOptionsMonitor<TypedJwtBearerOptions> options, string authenticationScheme)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _scheme = authenticationScheme ?? throw new ArgumentNullException(nameof(authenticationScheme));
    }

    /// <summary>The key tokens are signed with (after start-up: the ephemeral one when the scheme opted in and configured none).</summary>
    public JwtSigningKey SigningKey => Options.SigningKey ?? throw NoSigningKey();

    /// <summary>
    /// Issues a token whose payload <paramref name="createPayload"/> builds from the scheme's registered claim values:
    /// <c>issuer.Issue(t =&gt; new AccessToken { Issuer = t.Issuer, Audience = t.Audience, ExpiresAt = t.ExpiresAt, ... })</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scheme's key is public only, or the scheme names no issuer or audience.</exception>
    public IssuedJwt Issue(Func<JwtIssueContext, TPayload> createPayload)
    {
        ArgumentNullException.ThrowIfNull(createPayload);
        return Issue(createPayload, static (context, create) => create(context));
    }

    /// <summary>Issues a token; the state overload lets <paramref name="createPayload"/> be a static lambda that captures nothing.</summary>
    /// <exception cref="InvalidOperationException">The scheme's key is public only, or the scheme names no issuer or audience.</exception>
    public IssuedJwt Issue<TState>(TState state, Func<JwtIssueContext, TState, TPayload> createPayload) => Issue(state, createPayload, confirmation: null);

    // confirmation: the cnf of a sender-constrained token (JwtIssuer.Dpop.cs), which the payload must carry.
    private IssuedJwt Issue<TState>(TState state, Func<JwtIssueContext, TState, TPayload> createPayload, JwtConfirmation? confirmation)
    {
        ArgumentNullException.ThrowIfNull(createPayload);
        TypedJwtBearerOptions options = Options;
        bool signed = options.RequireSignedTokens || options.EncryptionKey is null;
        JwtSigningKey? key = signed ? options.SigningKey ?? throw NoSigningKey() : null;
        if (key is { CanSign: false })
        {
            throw new InvalidOperationException($"The signing key of scheme '{_scheme}' is public only; configure a private JWK to issue tokens.");
        }

        if (options is { EncryptionKey: null, DecryptionKeys: not null })
        {
            throw new InvalidOperationException($"Scheme '{_scheme}' decrypts tokens but has no EncryptionKey to encrypt the tokens it issues.");
        }

        ResolvedBearer resolved = options.Resolved ?? throw NoSigningKey();
        string issuer = options.Issuer ?? FirstOrNull(resolved.Policy.ValidIssuers)
            ?? throw new InvalidOperationException($"Scheme '{_scheme}' names no issuer to issue tokens as.");
        string audience = options.Audience ?? FirstOrNull(resolved.Policy.ValidAudiences)
            ?? throw new InvalidOperationException($"Scheme '{_scheme}' names no audience to issue tokens for.");

        // NumericDate is whole seconds on the wire; truncating here keeps expires_in equal to exp - iat as the client sees them.
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(resolved.TimeProvider.GetUtcNow().ToUnixTimeSeconds());
        DateTimeOffset expiresAt = now + TimeSpan.FromSeconds(Math.Ceiling(options.TokenLifetime.TotalSeconds));
        var context = new JwtIssueContext(issuer, audience, now, expiresAt, NewTokenId()) { Confirmation = confirmation };
        TPayload payload = createPayload(context, state);
        if (confirmation is not null)
        {
            RequireBinding(payload, confirmation);
        }

        string token = options.EncryptionKey switch
        {
            null => JwsWriter.Write(payload, key!),
            { } encryption when key is not null => JweWriter.WriteNested(payload, key, encryption),
            { } encryption => JweWriter.Write(payload, encryption),
        };
        return new IssuedJwt(token, now, expiresAt, confirmation is null ? IssuedJwt.BearerTokenType : IssuedJwt.DpopTokenType);
    }

    private TypedJwtBearerOptions Options => _options.Get(_scheme);

    private static string? FirstOrNull(System.Collections.Generic.IReadOnlyList<string> values) => values.Count > 0 ? values[0] : null;

    private static string NewTokenId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    private InvalidOperationException NoSigningKey() =>
        new($"Scheme '{_scheme}' has no usable signing key; its options validation at start-up says why.");
}
