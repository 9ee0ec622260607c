using System.Collections;
using System.Text.Json;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Peers;

/// <summary>
/// The claim checks Jwt.Net and jose-jwt leave to their caller (jose-jwt checks none, Jwt.Net only <c>exp</c>/<c>nbf</c>),
/// done the way a caller would on the dictionary they return, so that every library does the same work: <c>exp</c>,
/// <c>nbf</c>, <c>iss</c>, <c>aud</c>, then <c>sub</c> and <c>roles</c> read out. Values arrive as the library's JSON
/// mapper left them (strings, numbers, lists, Newtonsoft tokens or <see cref="JsonElement"/>s).
/// </summary>
internal static class DictionaryClaims
{
    public static ReadClaims CheckAndRead(IDictionary<string, object> payload, bool checkTimes)
    {
        if (checkTimes)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            if (!payload.TryGetValue("exp", out object? exp) || ToInt64(exp) + 30 <= now)
            {
                throw new InvalidOperationException("exp");
            }

            if (payload.TryGetValue("nbf", out object? nbf) && ToInt64(nbf) - 30 > now)
            {
                throw new InvalidOperationException("nbf");
            }
        }

        if (!payload.TryGetValue("iss", out object? iss) || Text(iss) != TokenClaims.Issuer)
        {
            throw new InvalidOperationException("iss");
        }

        if (!payload.TryGetValue("aud", out object? aud) || Text(aud) != TokenClaims.Audience)
        {
            throw new InvalidOperationException("aud");
        }

        payload.TryGetValue("sub", out object? sub);
        payload.TryGetValue("roles", out object? roles);
        return new ReadClaims(Text(sub), Strings(roles).Count);
    }

    private static string? Text(object? value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        null => null,
        _ => value.ToString(),
    };

    private static long ToInt64(object value) => value switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        JsonElement e => e.GetInt64(),
        _ => Convert.ToInt64(value.ToString(), System.Globalization.CultureInfo.InvariantCulture),
    };

    private static List<string> Strings(object? value)
    {
        var list = new List<string>();
        if (value is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            foreach (JsonElement item in array.EnumerateArray())
            {
                list.Add(item.GetString()!);
            }
        }
        else if (value is IEnumerable items and not string)
        {
            foreach (object? item in items)
            {
                list.Add(Text(item)!);
            }
        }

        return list;
    }
}
