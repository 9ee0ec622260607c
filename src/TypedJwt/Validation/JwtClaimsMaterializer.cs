using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Builds the typed claims (or typed header) from JSON whose signature or authentication tag has been checked, then checks
/// the declared constraints. Shared by the signed and the encrypted validators.
/// </summary>
internal static class JwtClaimsMaterializer
{
    /// <summary>
    /// Reads the typed payload and checks the policy's registered claims in the same pass over <paramref name="json"/>.
    /// Returns the registered-claims error (structure, duplicates, limits, then <c>exp</c>, <c>nbf</c>, <c>iss</c>,
    /// <c>aud</c>) when there is one; otherwise <paramref name="readError"/> is the typed read's error, or none with
    /// <paramref name="payload"/> read (its declared constraints are checked by <see cref="Complete"/>). The two errors
    /// are apart so that a caller can put its own checks between them (a typed header, claims a JWE header replicates).
    /// </summary>
    public static JwtError ReadPayload<TPayload>(ReadOnlySpan<byte> json, RegisteredClaimsValidator claims, in JwtReadOptions options, out TPayload? payload, out JwtError readError)
        where TPayload : IJwtPayload<TPayload>
    {
        payload = default;
        readError = default;
        if (!JwtJson.IsUtf8(json))
        {
            return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
        }

        var registered = new JwtRegisteredClaims(claims);
        int maxDepth = claims.Policy.MaxJsonDepth;
        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(maxDepth));
        JwtError failure;
        try
        {
            reader.Read();
            bool read = TPayload.TryReadJson(ref reader, in options, ref registered, out TPayload? value, out failure);
            if (read && !reader.Read())
            {
                JwtError error = claims.Check(in registered);
                payload = error.IsNone ? value : default;
                return error;
            }

            if (read)
            {
                // Unreachable: the reader throws on anything but whitespace after the one top-level value.
                failure = JwtError.Create(JwtErrorCode.MalformedJson, "payload");
            }
        }
        catch (JsonException)
        {
            failure = JwtJson.Failure(ref reader, maxDepth, "payload");
        }

        // The single pass refused the payload, so the token is refused either way. Which error is reported follows the
        // documented order (structure and registered claims before the typed read), so the registered-claims pass decides;
        // only a refused token pays for a second pass.
        JwtError structural = claims.Validate(json);
        readError = structural.IsNone ? failure : default;
        return structural;
    }

    /// <summary>
    /// The claims of a decrypted payload, in the documented order: the policy's registered claims, then the claims the JWE
    /// header replicates (RFC 7519 §5.3), then, when <paramref name="materialize"/>, the typed read and declared constraints.
    /// With <paramref name="materialize"/> the read and the registered claims are one pass (<see cref="ReadPayload"/>).
    /// </summary>
    public static JwtError ReadDecryptedPayload<TPayload>(
        ReadOnlySpan<byte> headerJson,
        in JweHeader header,
        ReadOnlySpan<byte> json,
        RegisteredClaimsValidator claims,
        in JwtReadOptions options,
        bool materialize,
        out TPayload? payload)
        where TPayload : IJwtPayload<TPayload>
    {
        payload = default;
        TPayload? read = default;
        JwtError readError = default;
        JwtError error = materialize ? ReadPayload(json, claims, in options, out read, out readError) : claims.Validate(json);
        if (error.IsNone)
        {
            error = ReplicatedClaims.Check(headerJson, in header, json, claims.Policy.MaxJsonDepth);
        }

        return error.IsNone && materialize ? Complete(read, readError, out payload) : error;
    }

    /// <summary>The outcome of <see cref="ReadPayload"/> once the caller's own checks passed: the read error, or the declared constraints.</summary>
    public static JwtError Complete<TPayload>(TPayload? read, JwtError readError, out TPayload? payload)
        where TPayload : IJwtPayload<TPayload>
    {
        payload = default;
        if (!readError.IsNone)
        {
            return readError;
        }

        JwtError error = read!.ValidateConstraints();
        payload = error.IsNone ? read : default;
        return error;
    }

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
            return JwtJson.Failure(ref reader, policy.MaxJsonDepth, part);
        }
    }
}
