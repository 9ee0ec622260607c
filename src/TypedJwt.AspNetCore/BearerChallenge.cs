using System;

namespace TypedJwt.AspNetCore;

/// <summary>The <c>WWW-Authenticate</c> value of a refused bearer token (RFC 6750 §3).</summary>
internal static class BearerChallenge
{
    /// <summary>The description sent when the request carries no bearer token at all.</summary>
    public const string MissingTokenDescription = "The request has no bearer token.";

    /// <summary><c>Bearer error="invalid_token", error_description="..."</c>.</summary>
    public static string InvalidToken(string description) =>
        $"Bearer error=\"invalid_token\", error_description=\"{Sanitize(description)}\"";

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
