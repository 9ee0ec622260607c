using System;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The URI a proof's <c>htu</c> is compared with: <see cref="DpopOptions.PublicOrigin"/> (or the request's scheme and host)
/// followed by the escaped path base and path. Query and fragment play no part (RFC 9449 §4.3 check 9).
/// </summary>
internal static class DpopRequestUri
{
    public static bool TryCreate(HttpRequest request, Uri? publicOrigin, out Uri? uri)
    {
        string origin = publicOrigin is not null
            ? publicOrigin.GetLeftPart(UriPartial.Authority)
            : request.Scheme + "://" + request.Host.ToUriComponent();
        return Uri.TryCreate(origin + request.PathBase.ToUriComponent() + request.Path.ToUriComponent(), UriKind.Absolute, out uri);
    }
}
