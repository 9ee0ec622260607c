using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TypedJwt.AspNetCore;

/// <summary>The <c>WWW-Authenticate</c> value of a refused bearer token (RFC 6750 §3).</summary>
internal static class BearerChallenge
{
    /// <summary>The description sent when the request carries no bearer token at all.</summary>
    public const string MissingTokenDescription = "The request has no bearer token.";

    /// <summary>How long a client is asked to wait before retrying after a 503 (<c>Retry-After</c>, seconds).</summary>
    public const string RetryAfterSeconds = "5";

    /// <summary>
    /// Whether a refusal is the server's condition rather than the token's: the revocation store could not be asked, or the
    /// identity provider's keys could not be fetched. RFC 6750's
    /// <c>invalid_token</c> would tell the client to throw a token away that may be good and sign in again, which under an
    /// outage only adds load; 503 says "try again later".
    /// </summary>
    public static bool IsServerSide(Exception? failure) =>
        failure is JwtBearerFailure { Error.Code: JwtErrorCode.RevocationUnavailable or JwtErrorCode.KeysUnavailable };

    /// <summary>503 with <c>Retry-After</c>; no <c>WWW-Authenticate</c>, since no other token would do better.</summary>
    public static void ServiceUnavailable(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds;
        response.Headers[HeaderNames.CacheControl] = "no-store";
    }

    /// <summary>
    /// <c>Bearer error="...", error_description="...", error_uri="..."</c>, each parameter left out when null; <c>Bearer</c>
    /// alone when all are.
    /// </summary>
    public static string Format(string? error, string? description, string? uri)
    {
        var text = new System.Text.StringBuilder("Bearer");
        Append(text, "error", error);
        Append(text, "error_description", description);
        Append(text, "error_uri", uri);
        return text.ToString();
    }

    private static void Append(System.Text.StringBuilder text, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        text.Append(text.Length == "Bearer".Length ? " " : ", ").Append(name).Append("=\"").Append(Sanitize(value)).Append('"');
    }

    /// <summary>
    /// RFC 6750 §3 allows only %x20-21 / %x23-5B / %x5D-7E in <c>error_description</c>; anything else (quotes, backslashes,
    /// non-ASCII, control characters that would break the header) becomes '?'.
    /// </summary>
    internal static string Sanitize(string description) =>
        string.Create(description.Length, description, static (span, text) =>
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                span[i] = c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '?';
            }
        });
}
