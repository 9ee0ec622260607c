using System;

namespace TypedJwt;

/// <summary>
/// The <c>htu</c> comparison of RFC 9449 §4.3 check 9: the request's URI without query and fragment, after the syntax-based
/// normalisation of RFC 3986 §6.2.2 and the scheme-based one of §6.2.3, as <see cref="Uri"/> applies them: scheme and host
/// compared without case, the scheme's default port dropped, percent-encoding normalised, dot segments removed, an empty
/// path as "/". Only http and https are accepted.
/// </summary>
internal static class DpopUri
{
    private const UriComponents Compared = UriComponents.SchemeAndServer | UriComponents.Path;

    public static bool Matches(string htu, Uri requestUri)
    {
        if (!Uri.TryCreate(htu, UriKind.Absolute, out Uri? claimed) || !IsHttp(claimed) || !IsHttp(requestUri))
        {
            return false;
        }

        return string.Equals(Normalize(claimed), Normalize(requestUri), StringComparison.Ordinal);
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Normalize(Uri uri)
    {
        string text = uri.GetComponents(Compared, UriFormat.UriEscaped);
        return uri.AbsolutePath.Length == 0 ? text + "/" : text;
    }
}
