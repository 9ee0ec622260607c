using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.Contract;

/// <summary>
/// The tokens the API must refuse, by name, and the challenge description each must get. The expected description comes
/// from TypedJwt's own validator with the server's key and policy, and the expected error code is asserted too, so a test
/// proves the API refuses the token for the intended reason.
/// </summary>
public sealed record RefusedToken(string? Token, string Description)
{
    /// <summary>Values the forged tokens carry; a challenge must never echo a claim value.</summary>
    public static readonly string[] ForgedValues = ["https://evil.example", "someone-else", "mallory", "Injected"];

    public static readonly string[] Cases =
    [
        "missing", "empty", "expired", "not-yet-valid", "tampered", "other-key", "wrong-issuer", "wrong-audience", "wrong-typ",
        "no-typ", "alg-none", "alg-none-without-kid", "alg-mismatch", "unknown-kid", "crit", "duplicate-claim",
        "escaped-duplicate-claim", "hostile-duplicate-name", "duplicate-header", "missing-roles", "roles-not-strings", "exp-as-string", "malformed-one-segment",
        "malformed-two-segments", "malformed-base64", "malformed-json", "lone-surrogate-claim", "padded-base64", "jwe", "too-long",
    ];

    public static RefusedToken Make(string name, SampleServer server, string validToken)
    {
        SampleKey key = server.Key;
        string header = TokenForge.Header(key.Algorithm, key.KeyId);
        string Payload(string subject = "mallory", string roles = "[\"user\"]", DateTimeOffset? exp = null, string extra = "", bool withRoles = true) =>
            TokenForge.Payload(server.Issuer, server.Audience, subject, roles, exp, extra: extra, withRoles: withRoles);
        string[] parts = validToken.Split('.');

        return name switch
        {
            "missing" => new RefusedToken(null, "The request has no bearer token."),
            "empty" => Expect(server, "", JwtErrorCode.MalformedToken),
            "expired" => Expect(server, TokenForge.Sign(header, Payload(exp: DateTimeOffset.UtcNow.AddHours(-1)), key.Signing), JwtErrorCode.Expired),
            "not-yet-valid" => Expect(server, TokenForge.Sign(header, Payload(extra: $",\"nbf\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}"), key.Signing), JwtErrorCode.NotYetValid),
            "tampered" => Expect(server, parts[0] + "." + TokenForge.Segment(Payload(subject: "someone-else", roles: "[\"admin\",\"user\"]")) + "." + parts[2], JwtErrorCode.InvalidSignature),
            "other-key" => Expect(server, TokenForge.Sign(header, Payload(), key.Impostor().Signing), JwtErrorCode.InvalidSignature),
            "wrong-issuer" => Expect(server, TokenForge.Sign(header, TokenForge.Payload("https://evil.example", server.Audience), key.Signing), JwtErrorCode.InvalidIssuer),
            "wrong-audience" => Expect(server, TokenForge.Sign(header, TokenForge.Payload(server.Issuer, "someone-else"), key.Signing), JwtErrorCode.InvalidAudience),
            "wrong-typ" => Expect(server, TokenForge.Sign(TokenForge.Header(key.Algorithm, key.KeyId, typ: "JWT"), Payload(), key.Signing), JwtErrorCode.InvalidTokenType),
            "no-typ" => Expect(server, TokenForge.Sign($"{{\"alg\":\"{key.Algorithm}\",\"kid\":\"{key.KeyId}\"}}", Payload(), key.Signing), JwtErrorCode.InvalidTokenType),
            "alg-none" => Expect(server, TokenForge.Segment(TokenForge.Header("none", key.KeyId)) + "." + TokenForge.Segment(Payload()) + ".", JwtErrorCode.UnsecuredTokenRejected),
            "alg-none-without-kid" => Expect(server, TokenForge.Segment("{\"alg\":\"none\",\"typ\":\"AT+JWT\"}") + "." + TokenForge.Segment(Payload()) + ".", JwtErrorCode.UnsecuredTokenRejected),
            "alg-mismatch" => Expect(server, TokenForge.Sign(TokenForge.Header(key.Algorithm == "HS256" ? "HS512" : "PS256", key.KeyId), Payload(), key.Signing), JwtErrorCode.AlgorithmMismatch),
            "unknown-kid" => Expect(server, TokenForge.Sign(TokenForge.Header(key.Algorithm, "another-kid"), Payload(), key.Signing), JwtErrorCode.KeyNotFound),
            "crit" => Expect(server, TokenForge.Sign(TokenForge.Header(key.Algorithm, key.KeyId, extra: ",\"crit\":[\"urn:example:policy\"],\"urn:example:policy\":\"x\""), Payload(), key.Signing), JwtErrorCode.UnsupportedCriticalHeader),
            "duplicate-claim" => Expect(server, TokenForge.Sign(header, Payload(extra: ",\"sub\":\"admin\""), key.Signing), JwtErrorCode.DuplicateMember),
            "escaped-duplicate-claim" => Expect(server, TokenForge.Sign(header, Payload(extra: ",\"\\u0073ub\":\"admin\""), key.Signing), JwtErrorCode.DuplicateMember),
            // A name the sender chose, with CR/LF: never echoed into the challenge or the log (CWE-117).
            "hostile-duplicate-name" => Expect(server, TokenForge.Sign(header, Payload(extra: ",\"x\\r\\nInjected: yes\":1,\"x\\r\\nInjected: yes\":2"), key.Signing), JwtErrorCode.DuplicateMember),
            "duplicate-header" => Expect(server, TokenForge.Sign(TokenForge.Header(key.Algorithm, key.KeyId, extra: ",\"typ\":\"JWT\""), Payload(), key.Signing), JwtErrorCode.DuplicateMember),
            "missing-roles" => Expect(server, TokenForge.Sign(header, Payload(withRoles: false), key.Signing), JwtErrorCode.MissingClaim),
            "roles-not-strings" => Expect(server, TokenForge.Sign(header, Payload(roles: "[\"user\",7]"), key.Signing), JwtErrorCode.InvalidClaimType),
            "exp-as-string" => Expect(server, TokenForge.Sign(header, Payload().Replace("\"exp\":", "\"exp\":\"", StringComparison.Ordinal).Replace(",\"iat\"", "\",\"iat\"", StringComparison.Ordinal), key.Signing), JwtErrorCode.InvalidClaimType),
            "malformed-one-segment" => Expect(server, "not-a-token", JwtErrorCode.MalformedToken),
            "malformed-two-segments" => Expect(server, parts[0] + "." + parts[1], JwtErrorCode.MalformedToken),
            "malformed-base64" => Expect(server, parts[0] + ".%%%." + parts[2], JwtErrorCode.InvalidBase64Url),
            "malformed-json" => Expect(server, TokenForge.Sign(header, "{\"sub\":", key.Signing), JwtErrorCode.MalformedJson),
            // An extra claim the API never reads, whose string is no Unicode text. The validator used to accept it (the claim
            // was only skipped), and projecting the claims for the ClaimsPrincipal then threw in Utf8JsonReader.GetString.
            "lone-surrogate-claim" => Expect(server, TokenForge.Sign(header, Payload(extra: ",\"note\":\"\\ud800\""), key.Signing), JwtErrorCode.MalformedJson),
            "padded-base64" => Expect(server, parts[0] + "=." + parts[1] + "." + parts[2], JwtErrorCode.InvalidBase64Url),
            "jwe" => Expect(server, "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", JwtErrorCode.EncryptedTokenNotExpected),
            "too-long" => Expect(server, new string('a', 9000), JwtErrorCode.TokenTooLong),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static RefusedToken Expect(SampleServer server, string token, JwtErrorCode code)
    {
        var validator = new JwtValidator<AccessToken>(server.Key.Signing, JwtValidationPolicy.For(server.Issuer, server.Audience));
        Assert.False(validator.TryValidate(token, out _, out JwtError error), "the forged token validates");
        Assert.Equal(code, error.Code);
        return new RefusedToken(token, error.Message);
    }
}
