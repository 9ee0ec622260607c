using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using TypedJwt.Benchmarks.Peers;

namespace TypedJwt.Benchmarks.Floor;

/// <summary>
/// The validate floor for any typed read: the reused-HMAC floor, then the claims object built from values whose places in
/// the payload were found in advance. No tokenizing, no name matching, no checks: only what a typed read cannot avoid once
/// it knows where each value is, which is transcoding the seven strings, parsing the three NumericDates and the
/// <see cref="Guid"/>, and allocating the <see cref="AccessToken"/> graph. What is left between this row and TypedJwt's
/// typed read is the JSON work itself.
/// </summary>
internal sealed class ClaimsGraphFloor
{
    private readonly SignatureFloor _floor;
    private readonly Range _issuer, _subject, _audience, _expires, _notBefore, _issuedAt, _tokenId, _name;
    private readonly Range[] _roles;

    public ClaimsGraphFloor(SignatureFloor floor, ReadOnlySpan<byte> payloadJson)
    {
        _floor = floor;
        Dictionary<string, List<Range>> places = ValuePlaces(payloadJson);
        _issuer = places["iss"][0];
        _subject = places["sub"][0];
        _audience = places["aud"][0];
        _expires = places["exp"][0];
        _notBefore = places["nbf"][0];
        _issuedAt = places["iat"][0];
        _tokenId = places["jti"][0];
        _name = places["name"][0];
        _roles = [.. places["roles"]];
    }

    /// <summary>Verifies with reused HMAC state and builds the claims; throws if the token does not verify.</summary>
    public ReadClaims Validate()
    {
        if (!_floor.TryVerifyReused(out ReadOnlySpan<byte> payload))
        {
            throw new InvalidOperationException("The floor refused the token.");
        }

        var roles = new string[_roles.Length];
        for (int i = 0; i < roles.Length; i++)
        {
            roles[i] = Encoding.UTF8.GetString(payload[_roles[i]]);
        }

        var claims = new AccessToken
        {
            Issuer = Encoding.UTF8.GetString(payload[_issuer]),
            Subject = Encoding.UTF8.GetString(payload[_subject]),
            Audience = Encoding.UTF8.GetString(payload[_audience]),
            ExpiresAt = Seconds(payload[_expires]),
            NotBefore = Seconds(payload[_notBefore]),
            IssuedAt = Seconds(payload[_issuedAt]),
            TokenId = Utf8Parser.TryParse(payload[_tokenId], out Guid id, out _) ? id : throw new FormatException("jti"),
            Name = Encoding.UTF8.GetString(payload[_name]),
            Roles = ImmutableCollectionsMarshal.AsImmutableArray(roles),
        };
        return new ReadClaims(claims.Subject, claims.Roles.Length);
    }

    private static DateTimeOffset Seconds(ReadOnlySpan<byte> digits) =>
        Utf8Parser.TryParse(digits, out long seconds, out _) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : throw new FormatException("NumericDate");

    // Where each member's value (each element, for an array) lies in the payload: the text between the quotes of a string,
    // the digits of a number. Setup only; the benchmark token escapes nothing, so the raw text is the value.
    private static Dictionary<string, List<Range>> ValuePlaces(ReadOnlySpan<byte> payloadJson)
    {
        var places = new Dictionary<string, List<Range>>();
        var reader = new Utf8JsonReader(payloadJson);
        string? member = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = reader.GetString()!;
                    places[member] = [];
                    break;
                case JsonTokenType.String:
                    int start = checked((int)reader.TokenStartIndex) + 1;
                    places[member!].Add(new Range(start, start + reader.ValueSpan.Length));
                    break;
                case JsonTokenType.Number:
                    int digits = checked((int)reader.TokenStartIndex);
                    places[member!].Add(new Range(digits, digits + reader.ValueSpan.Length));
                    break;
            }
        }

        return places;
    }
}
