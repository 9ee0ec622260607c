using System;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// Checks the registered claims a policy governs (<c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>, <c>aud</c>; RFC 7519 §4.1) straight from
/// the payload bytes, without building the claims object, and checks the whole payload's structure on the way: UTF-8 text,
/// one JSON object, no duplicate members at any depth, arrays within the limit, strings that are Unicode text. Structure and type errors come first, then
/// <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>, <c>aud</c>, in that order. Time arithmetic is on ticks, with the leeway
/// bounded by the policy, so no clock value and no date in a token can make it overflow. When the typed claims are read as well, the generated reader
/// feeds the same value reads (<see cref="TryReadValue"/>) through <see cref="JwtRegisteredClaims"/> instead, and only
/// <see cref="Check(in JwtRegisteredClaims)"/> runs here (the validation pipeline).
/// </summary>
internal sealed class RegisteredClaimsValidator
{
    private static readonly byte[][] GovernedUtf8 = Array.ConvertAll(GovernedClaims.Names, System.Text.Encoding.UTF8.GetBytes);

    private readonly JwtValidationPolicy _policy;
    private readonly byte[][] _issuers;
    private readonly byte[][] _audiences;

    public RegisteredClaimsValidator(JwtValidationPolicy policy)
    {
        _policy = policy;
        _issuers = ToUtf8(policy.ValidIssuers);
        _audiences = ToUtf8(policy.ValidAudiences);
    }

    public JwtValidationPolicy Policy => _policy;

    public JwtError Validate(ReadOnlySpan<byte> json) => Validate(json, out _);

    /// <summary>As <see cref="Validate(ReadOnlySpan{byte})"/>, and hands back what the pass found (for the verified-token cache).</summary>
    public JwtError Validate(ReadOnlySpan<byte> json, out JwtRegisteredClaims claims)
    {
        claims = new JwtRegisteredClaims(this);
        if (!JwtJson.IsUtf8(json))
        {
            return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
        }

        var reader = new Utf8JsonReader(json, JwtJson.ReaderOptions(_policy.MaxJsonDepth));
        // Governed claims are recognised by name anyway, so their duplicates are caught by a bit each; only the other
        // names go into the set.
        var names = new JwtMemberNameSet(stackalloc byte[JwtJson.NameBufferSize]);
        int governedSeen = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                JwtError error;
                if (GovernedName(in reader) is { } governed)
                {
                    int bit = GovernedBit(governed);
                    if ((governedSeen & bit) != 0)
                    {
                        return JwtError.Create(JwtErrorCode.DuplicateMember, governed);
                    }

                    governedSeen |= bit;
                    reader.Read();
                    if (!TryReadValue(ref reader, governed, ref claims, out error))
                    {
                        return error;
                    }
                }
                else if (!names.TryAdd(in reader))
                {
                    return RegisteredNames.DuplicateMember(in reader);
                }
                else if (!JwtJson.TrySkipValue(ref reader, null, _policy.MaxArrayLength, out error))
                {
                    return error;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return JwtError.Create(JwtErrorCode.MalformedJson, "payload");
            }
        }
        catch (JsonException)
        {
            return JwtJson.Failure(ref reader, _policy.MaxJsonDepth, "payload");
        }
        finally
        {
            names.Dispose();
        }

        return Check(in claims);
    }

    /// <summary>
    /// Checks what a pass over the payload found, in the order <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>, <c>aud</c>: the
    /// claims a policy requires are present, the times hold (with the leeway) and the issuer and an audience are accepted ones.
    /// </summary>
    public JwtError Check(in JwtRegisteredClaims claims) => Check(in claims, _policy.TimeProvider.GetUtcNow().UtcTicks);

    /// <summary>As <see cref="Check(in JwtRegisteredClaims)"/>, at <paramref name="now"/> (UTC ticks) read by the caller.</summary>
    public JwtError Check(in JwtRegisteredClaims claims, long now)
    {
        // UTC ticks lie in [0, 3.2e18] and the leeway is at most 10 minutes (the policy's ceiling), so these sums never
        // overflow a long, whatever the clock or the token says.
        long leeway = _policy.Leeway.Ticks;
        if (claims.Expires is { } expires)
        {
            if (now - leeway >= expires.UtcTicks)
            {
                return JwtError.Create(JwtErrorCode.Expired, "exp");
            }
        }
        else if (_policy.RequireExpirationTime)
        {
            return JwtError.Create(JwtErrorCode.MissingClaim, "exp");
        }

        if (claims.NotBefore is { } notBefore && now + leeway < notBefore.UtcTicks)
        {
            return JwtError.Create(JwtErrorCode.NotYetValid, "nbf");
        }

        if (claims.IssuedAt is { } issuedAt)
        {
            if (now + leeway < issuedAt.UtcTicks)
            {
                return JwtError.Create(JwtErrorCode.IssuedInFuture, "iat");
            }

            // The age is at most the whole tick range, and the maximum age is compared after taking the leeway off the
            // age rather than adding it to the maximum, which may be as large as TimeSpan.MaxValue.
            if (_policy.MaxTokenAge is { } maxAge && now - issuedAt.UtcTicks - leeway > maxAge.Ticks)
            {
                return JwtError.Create(JwtErrorCode.TokenTooOld, "iat");
            }
        }
        else if (_policy.MaxTokenAge is not null)
        {
            return JwtError.Create(JwtErrorCode.MissingClaim, "iat");
        }

        if (!_policy.SkipIssuerValidation)
        {
            if (!claims.HasIssuer)
            {
                return JwtError.Create(JwtErrorCode.MissingClaim, "iss");
            }

            if (!claims.IssuerMatches)
            {
                return JwtError.Create(JwtErrorCode.InvalidIssuer, "iss");
            }
        }

        if (!_policy.SkipAudienceValidation)
        {
            if (!claims.HasAudience)
            {
                return JwtError.Create(JwtErrorCode.MissingClaim, "aud");
            }

            if (!claims.AudienceMatches)
            {
                return JwtError.Create(JwtErrorCode.InvalidAudience, "aud");
            }
        }

        return default;
    }

    /// <summary>
    /// The governed claim the property name the reader is on names, in any escaped spelling; otherwise null. The generator's
    /// <c>ClaimSetEmitter.GovernedClaims</c> lists the same names, for the declared claims it hands over one by one.
    /// </summary>
    internal static string? GovernedName(in Utf8JsonReader reader)
    {
        for (int i = 0; i < GovernedUtf8.Length; i++)
        {
            if (JwtJson.ValueTextEquals(in reader, GovernedUtf8[i]))
            {
                return GovernedClaims.Names[i];
            }
        }

        return null;
    }

    // One bit per governed claim, by its place in the list, to catch a second appearance.
    private static int GovernedBit(string name) => 1 << Array.IndexOf(GovernedClaims.Names, name);

    /// <summary>
    /// Reads the value of the governed claim <paramref name="name"/>, the reader positioned on it, and leaves the reader on
    /// its last token (which moves it only for an <c>aud</c> array). A value of the wrong JSON type (null included), a
    /// NumericDate out of range and an over-long <c>aud</c> array are errors naming the claim.
    /// </summary>
    internal bool TryReadValue(ref Utf8JsonReader reader, string name, ref JwtRegisteredClaims claims, out JwtError error)
    {
        switch (name)
        {
            case "exp":
                return TryReadDate(ref reader, name, out claims.Expires, out error);
            case "nbf":
                return TryReadDate(ref reader, name, out claims.NotBefore, out error);
            case "iat":
                return TryReadDate(ref reader, name, out claims.IssuedAt, out error);
            case "iss":
                return TryReadIssuer(ref reader, ref claims, out error);
            case "aud":
                return TryReadAudience(ref reader, ref claims, out error);
            default:
                // Not a claim the policy governs: nothing to record.
                error = default;
                return true;
        }
    }

    private static bool TryReadDate(ref Utf8JsonReader reader, string name, out DateTimeOffset? value, out JwtError error)
    {
        bool ok = JwtNumericDate.TryRead(ref reader, name, out DateTimeOffset date, out error);
        value = ok ? date : null;
        return ok;
    }

    private bool TryReadIssuer(ref Utf8JsonReader reader, ref JwtRegisteredClaims claims, out JwtError error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, "iss");
            return false;
        }

        claims.HasIssuer = true;
        // Compared values are proven text by the comparison; this covers a policy that compares none (issuer not checked).
        JwtJson.EnsureEscapesAreText(in reader);
        claims.IssuerMatches = MatchesAny(ref reader, _issuers);
        error = default;
        return true;
    }

    // "aud" is a string or an array of strings (RFC 7519 §4.1.3); one accepted value is enough.
    private bool TryReadAudience(ref Utf8JsonReader reader, ref JwtRegisteredClaims claims, out JwtError error)
    {
        claims.HasAudience = true;
        if (reader.TokenType == JsonTokenType.String)
        {
            JwtJson.EnsureEscapesAreText(in reader);
            claims.AudienceMatches = MatchesAny(ref reader, _audiences);
            error = default;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            error = JwtError.Create(JwtErrorCode.InvalidClaimType, "aud");
            return false;
        }

        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                error = JwtError.Create(JwtErrorCode.InvalidClaimType, "aud");
                return false;
            }

            if (++count > _policy.MaxArrayLength)
            {
                error = JwtError.Create(JwtErrorCode.ArrayTooLong, "aud");
                return false;
            }

            JwtJson.EnsureEscapesAreText(in reader);
            claims.AudienceMatches |= MatchesAny(ref reader, _audiences);
        }

        error = default;
        return true;
    }

    private static bool MatchesAny(ref Utf8JsonReader reader, byte[][] accepted)
    {
        foreach (byte[] value in accepted)
        {
            if (JwtJson.ValueTextEquals(in reader, value))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[][] ToUtf8(System.Collections.Generic.IReadOnlyList<string> values)
    {
        var result = new byte[values.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = System.Text.Encoding.UTF8.GetBytes(values[i]);
        }

        return result;
    }
}
