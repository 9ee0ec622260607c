using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Builds the typed claims (or typed header) from JSON that has already passed the structural and registered-claims checks,
/// then checks the declared constraints. Shared by the signed and the encrypted validators.
/// </summary>
internal static class JwtClaimsMaterializer
{
    public static JwtError Materialize<TClaims>(ReadOnlySpan<byte> json, JwtValidationPolicy policy, in JwtReadOptions options, string part, out TClaims? claims)
        where TClaims : IJwtClaimSet<TClaims>
    {
        claims = default;
        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(policy.MaxJsonDepth));
        try
        {
            reader.Read();
            if (!TClaims.TryReadJson(ref reader, in options, out TClaims? value, out JwtError error))
            {
                return error;
            }

            error = value.ValidateConstraints();
            if (!error.IsNone)
            {
                return error;
            }

            claims = value;
            return default;
        }
        catch (JsonException)
        {
            // The header and claims passes already read this JSON strictly, so this is unreachable for tokens they accepted.
            return JwtTokenReader.JsonFailure(ref reader, policy.MaxJsonDepth, part);
        }
    }
}
