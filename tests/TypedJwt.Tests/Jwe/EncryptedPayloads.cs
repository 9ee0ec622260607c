namespace TypedJwt.Tests.Jwe;

/// <summary>An encrypted payload type, declared as a user would: the generator emits its serializer and reader.</summary>
[JwtPayload(TokenType = "record+jwt", Encrypted = true)]
public sealed partial record PatientRecord
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    public string? Diagnosis { get; init; }
    public DateOnly? DateOfBirth { get; init; }
}

/// <summary>A nested (sign-then-encrypt) access token type.</summary>
[JwtPayload(TokenType = "at+jwt", Encrypted = true)]
public sealed partial record SealedAccessToken
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("aud")] public required JwtAudience Audience { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("sub")] public required string Subject { get; init; }
    public string? Password { get; init; }
}
