using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using TypedJwt;
using TypedJwt.ConsoleSample;

// Issues and validates one access token of a generated type, printing each step.
const string Issuer = "https://login.example";
const string Audience = "orders-api";

Step("1. Key: an ephemeral ES256 key (P-256), bound to that one algorithm");
using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
JwtSigningKey key = JwtSigningKey.FromECDsa(ecdsa, JwsAlgorithm.ES256, keyId: "sample-key-1");
Console.WriteLine($"   alg {key.Algorithm}, kid {key.KeyId}");
Console.WriteLine($"   public JWK: {key.ToPublicJwk()}");

Step("2. Claims: a typed AccessToken record");
DateTimeOffset now = DateTimeOffset.UtcNow;
var claims = new AccessToken
{
    Issuer = Issuer,
    Subject = "alice",
    Audience = Audience,
    ExpiresAt = now.AddMinutes(15),
    IssuedAt = now,
    TokenId = Guid.NewGuid(),
    Roles = ["user", "reader"],
    TenantId = Guid.Parse("7d0f3b5e-2c1a-4b8e-9f6d-1a2b3c4d5e6f"),
};
Console.WriteLine($"   iss {claims.Issuer}, sub {claims.Subject}, aud {claims.Audience}, exp {claims.ExpiresAt:u}");
Console.WriteLine($"   jti {claims.TokenId}, roles [{string.Join(", ", claims.Roles)}], tenant_id {claims.TenantId}");

Step("3. Issue: generated serializer + ES256 signature");
string token = JwsWriter.Write(claims, key);
string[] parts = token.Split('.');
Console.WriteLine($"   token:     {token}");
Console.WriteLine($"   header:    {Decode(parts[0])}");
Console.WriteLine($"   payload:   {Decode(parts[1])}");
Console.WriteLine($"   signature: {parts[2].Length} base64url characters");

Step("4. Validate: signature, typ, exp/nbf, iss, aud, then the typed claims");
var validator = new JwtValidator<AccessToken>(key, JwtValidationPolicy.For(Issuer, Audience));
if (!validator.TryValidate(token, out AccessToken? validated, out JwtError error))
{
    Console.WriteLine($"   rejected: {error.Code}: {error.Message}");
    return 1;
}

Console.WriteLine($"   valid. sub = {validated.Subject}, roles = [{string.Join(", ", validated.Roles)}], tenant = {validated.TenantId}");
Console.WriteLine($"   expires in {(validated.ExpiresAt - now).TotalMinutes:0} minutes");

Step("5. What is refused, and why");
string tampered = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Decode(parts[1]).Replace("alice", "admin"))) + "." + parts[2];
Report("payload edited after signing", validator.Validate(tampered));
Report("header says alg none", validator.Validate(Base64Url.EncodeToString("""{"alg":"none","typ":"at+jwt"}"""u8) + "." + parts[1] + "."));
var otherAudience = new JwtValidator<AccessToken>(key, JwtValidationPolicy.For(Issuer, "billing-api"));
Report("token for another audience", otherAudience.Validate(token));
var later = new JwtValidator<AccessToken>(key, new JwtValidationPolicy
{
    ValidIssuers = [Issuer],
    ValidAudiences = [Audience],
    TimeProvider = new ShiftedTimeProvider(TimeSpan.FromHours(1)),
});
Report("validated an hour later", later.Validate(token));
return 0;

static void Step(string title) => Console.WriteLine(Environment.NewLine + title);

static void Report(string what, JwtError error) => Console.WriteLine($"   {what,-30} -> {error.Code} ({error.Message})");

static string Decode(string segment) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(segment));

/// <summary>A clock running ahead of the system clock, to show expiry without waiting.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
