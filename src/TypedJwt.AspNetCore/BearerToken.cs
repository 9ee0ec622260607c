using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Where a request carries its token: <c>Authorization: Bearer</c> (RFC 6750 §2.1), <c>Authorization: DPoP</c> for a
/// scheme with <c>AddDpop</c> (RFC 9449 §7.1), or, for a scheme that opted in with
/// <see cref="TypedJwtBearerOptions.TokenFromQuery"/>, the query of a WebSocket or Server-Sent Events request under the
/// configured path (browsers cannot set headers on those; RFC 6750 §2.3).
/// </summary>
internal static class BearerToken
{
    private const string BearerScheme = "Bearer";

    public enum Presence
    {
        Absent,
        Malformed,
        Found,
    }

    /// <summary>Finds the token; <paramref name="isDpop"/> says it came as <c>Authorization: DPoP</c> (schemes with <c>AddDpop</c> only).</summary>
    public static Presence Find(HttpRequest request, TypedJwtBearerOptions options, out ReadOnlySpan<char> token, out bool isDpop)
    {
        token = default;
        isDpop = false;
        StringValues authorization = request.Headers.Authorization;
        if (authorization.Count > 1)
        {
            return Presence.Malformed;
        }

        if (authorization.Count == 1)
        {
            ReadOnlySpan<char> value = authorization[0].AsSpan().Trim(' ');
            if (options.Dpop is not null && DpopAuthentication.IsDpop(value))
            {
                isDpop = true;
                token = DpopAuthentication.TokenOf(value);
                return Presence.Found;
            }

            return FromAuthorization(value, out token);
        }

        return options.QueryTokenParameter is { } parameter && IsQueryTokenRequest(request, options.QueryTokenPath)
            ? FromQuery(request.Query[parameter], out token)
            : Presence.Absent;
    }

    private static Presence FromAuthorization(ReadOnlySpan<char> value, out ReadOnlySpan<char> token)
    {
        // The scheme name is case-insensitive (RFC 9110 §11.1); "Bearer" alone is a bearer request with an empty token.
        if (!value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
            || (value.Length > BearerScheme.Length && value[BearerScheme.Length] != ' '))
        {
            // Another HTTP authentication scheme (Basic, ...): not ours to judge.
            token = default;
            return Presence.Absent;
        }

        token = value.Slice(BearerScheme.Length).TrimStart(' ');
        return Presence.Found;
    }

    private static Presence FromQuery(StringValues values, out ReadOnlySpan<char> token)
    {
        token = default;
        return values.Count switch
        {
            0 => Presence.Absent,
            1 => Found(values[0], out token),
            _ => Presence.Malformed,
        };
    }

    private static Presence Found(string? value, out ReadOnlySpan<char> token)
    {
        token = value;
        return Presence.Found;
    }

    private static bool IsQueryTokenRequest(HttpRequest request, PathString prefix) =>
        request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)
        && (IsWebSocketRequest(request) || Contains(request.Headers.Accept, "text/event-stream"));

    // Authentication runs before the WebSocket middleware (SignalR adds it inside its endpoint), so the upgrade is read from
    // the request itself: HTTP/1.1's Upgrade (RFC 6455 §4.1) or HTTP/2's extended CONNECT (RFC 8441).
    private static bool IsWebSocketRequest(HttpRequest request)
    {
        IFeatureCollection features = request.HttpContext.Features;
        return request.HttpContext.WebSockets.IsWebSocketRequest
            || (HttpMethods.IsGet(request.Method) && features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } && Contains(request.Headers.Upgrade, "websocket"))
            || features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: var protocol } && string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Contains(StringValues header, string token)
    {
        foreach (string? value in header)
        {
            if (value is not null && value.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
