using System;
using System.ComponentModel;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// The registered claims a validation policy governs (<c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>, <c>aud</c>; RFC 7519 §4.1), as
/// found in one payload. A validator hands it to the generated reader, which passes it every member it meets that may be
/// one of them, so that validating a token and reading its typed claims is one pass over the payload JSON. Outside a
/// validator it is <c>default</c> and ignores what it is given. Used by generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JwtRegisteredClaims
{
    internal DateTimeOffset? Expires;
    internal DateTimeOffset? NotBefore;
    internal DateTimeOffset? IssuedAt;
    internal bool HasIssuer;
    internal bool IssuerMatches;
    internal bool HasAudience;
    internal bool AudienceMatches;

    private readonly RegisteredClaimsValidator? _validator;

    internal JwtRegisteredClaims(RegisteredClaimsValidator validator)
    {
        this = default;
        _validator = validator;
    }

    /// <summary>
    /// For a member the generated reader does not declare, positioned on its property name: when it is a governed claim,
    /// reads its value from a copy of the reader (the caller skips the value itself afterwards). Returns false when the
    /// claim has the wrong JSON type (a string <c>exp</c>, a numeric <c>iss</c>) or is an over-long <c>aud</c> array.
    /// </summary>
    public bool TryRead(in Utf8JsonReader reader, out JwtError error)
    {
        error = default;
        if (_validator is null || RegisteredClaimsValidator.GovernedName(in reader) is not { } name)
        {
            return true;
        }

        Utf8JsonReader value = reader;
        value.Read();
        return _validator.TryReadValue(ref value, name, ref this, out error);
    }

    /// <summary>
    /// For a declared claim named <paramref name="claimName"/> (<c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c> or <c>aud</c>), positioned on
    /// its value, before the generated reader reads the value itself: the reader is left where it is. Returns false as
    /// <see cref="TryRead"/> does; a JSON <c>null</c> is a wrong type here even where the member is nullable.
    /// </summary>
    public bool TryReadValue(ref Utf8JsonReader reader, string claimName, out JwtError error)
    {
        if (_validator is null)
        {
            error = default;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return _validator.TryReadValue(ref reader, claimName, ref this, out error);
        }

        // Only an aud array is read token by token; a copy keeps the caller's reader on the array's start.
        Utf8JsonReader value = reader;
        return _validator.TryReadValue(ref value, claimName, ref this, out error);
    }
}
