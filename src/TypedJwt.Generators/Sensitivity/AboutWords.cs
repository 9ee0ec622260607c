using System.Collections.Generic;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// Words that, after a sensitive phrase, turn the name into something about the value rather than the value:
/// <c>ApiKeyId</c>, <c>PasswordLength</c>, <c>ClientSecretExpiresAt</c>, <c>PinAttempts</c>, <c>PassportExpiry</c>, <c>SecretQuestion</c> (the question; its answer is a secret).
/// They are checked only after the phrase, so <c>NationalId</c> (where "id" is part of the phrase) still matches.
/// </summary>
internal static class AboutWords
{
    private static readonly HashSet<string> Words = new(System.StringComparer.Ordinal)
    {
        "id", "ids", "kid", "name", "type", "kind", "version", "label", "ref", "reference", "location", "path", "uri", "url",
        "endpoint", "provider", "algorithm", "alg", "format", "policy", "strength", "length", "count", "attempts", "tries",
        "status", "verified", "confirmed", "enabled", "disabled", "required", "changed", "updated", "created", "rotated",
        "expiry", "expires", "expired", "expiration", "at", "on", "timestamp", "masked", "mask", "thumbprint", "question",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
