using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TypedJwt.AspNetCore;

namespace TypedJwt.Testing;

/// <summary>
/// Makes <typeparamref name="TPayload"/> tokens for tests, in every shape a test of a protected endpoint needs
/// (<see cref="TestTokenKind"/>): the caller builds the payload from the registered values (issuer, audience, times, a
/// fresh <c>jti</c>), as with <see cref="JwtIssuer{TPayload}"/>, and the factory signs it with the test key, or breaks it
/// in one way. Works for any payload type: the broken shapes rewrite the registered claims in the payload's JSON.
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type.</typeparam>
public sealed class TestTokens<TPayload>
    where TPayload : IJwtPayload<TPayload>
{
    private readonly Func<JwtIssueContext, TPayload> _createPayload;
    private readonly Func<(string Issuer, string Audience)> _registered;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a factory for tokens of <paramref name="issuer"/> for <paramref name="audience"/>, signed with <paramref name="key"/>.</summary>
    /// <param name="key">A key that can sign; its <c>kid</c> goes into every header.</param>
    /// <param name="issuer">The <c>iss</c> of valid tokens.</param>
    /// <param name="audience">The <c>aud</c> of valid tokens.</param>
    /// <param name="createPayload">Builds the payload from the registered values, for example <c>t =&gt; new AccessToken { Issuer = t.Issuer, ... }</c>.</param>
    /// <param name="timeProvider">The clock tokens are dated by; the system clock when null.</param>
    public TestTokens(JwtSigningKey key, string issuer, string audience, Func<JwtIssueContext, TPayload> createPayload, TimeProvider? timeProvider = null)
        : this(key, () => (issuer ?? throw new ArgumentNullException(nameof(issuer)), audience ?? throw new ArgumentNullException(nameof(audience))), createPayload, timeProvider)
    {
    }

    internal TestTokens(JwtSigningKey key, Func<(string Issuer, string Audience)> registered, Func<JwtIssueContext, TPayload> createPayload, TimeProvider? timeProvider)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        if (!key.CanSign)
        {
            throw new ArgumentException("The test key must be able to sign.", nameof(key));
        }

        _registered = registered;
        _createPayload = createPayload ?? throw new ArgumentNullException(nameof(createPayload));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The key valid tokens are signed with.</summary>
    public JwtSigningKey Key { get; }

    /// <summary>How long a valid token lives. Default 15 minutes.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A valid token, with the payload this factory builds.</summary>
    public string Create() => Create(TestTokenKind.Valid, _createPayload);

    /// <summary>A token of the given shape, with the payload this factory builds.</summary>
    public string Create(TestTokenKind kind) => Create(kind, _createPayload);

    /// <summary>A token of the given shape, with the payload <paramref name="createPayload"/> builds (another subject, other roles).</summary>
    public string Create(TestTokenKind kind, Func<JwtIssueContext, TPayload> createPayload)
    {
        ArgumentNullException.ThrowIfNull(createPayload);
        (string issuer, string audience) = _registered();
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(_timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var context = new JwtIssueContext(issuer, audience, now, now + Lifetime, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
        TPayload payload = createPayload(context);
        if (kind == TestTokenKind.Valid)
        {
            return JwsWriter.Write(payload, Key);
        }

        JsonObject claims = JsonNode.Parse(Json(payload))!.AsObject();
        string type = TPayload.TokenType ?? "JWT";
        string? keyId = Key.KeyId;
        switch (kind)
        {
            case TestTokenKind.Expired:
                claims["iat"] = (now - TimeSpan.FromHours(2)).ToUnixTimeSeconds();
                claims["exp"] = (now - TimeSpan.FromHours(1)).ToUnixTimeSeconds();
                break;
            case TestTokenKind.NotYetValid:
                claims["nbf"] = (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds();
                break;
            case TestTokenKind.WrongIssuer:
                claims["iss"] = "https://wrong-issuer.invalid";
                break;
            case TestTokenKind.WrongAudience:
                claims["aud"] = "wrong-audience";
                break;
            case TestTokenKind.WrongType:
                type = "wrong+jwt";
                break;
            case TestTokenKind.UnknownKeyId:
                keyId = "unknown-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
                break;
            case TestTokenKind.AlgNone:
                return Segment(new JsonObject { ["alg"] = "none", ["typ"] = type }.ToJsonString()) + "." + Segment(claims.ToJsonString()) + ".";
            case TestTokenKind.Tampered:
                string valid = JwsWriter.Write(payload, Key);
                claims["tampered"] = true;
                string[] parts = valid.Split('.');
                return parts[0] + "." + Segment(claims.ToJsonString()) + "." + parts[2];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        var header = new JsonObject { ["alg"] = JwsAlgorithmNames.GetName(Key.Algorithm), ["typ"] = type };
        if (keyId is not null)
        {
            header["kid"] = keyId;
        }

        return Sign(header.ToJsonString(), claims.ToJsonString());
    }

    private string Sign(string header, string payload)
    {
        string signingInput = Segment(header) + "." + Segment(payload);
        byte[] signature = new byte[Key.SignatureSize];
        Key.TrySign(Encoding.ASCII.GetBytes(signingInput), signature, out int written);
        return signingInput + "." + Base64Url.EncodeToString(signature.AsSpan(0, written));
    }

    private static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static byte[] Json(TPayload payload)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            payload.WriteJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
