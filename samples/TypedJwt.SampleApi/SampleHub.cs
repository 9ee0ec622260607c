using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace TypedJwt.SampleApi;

/// <summary>
/// The sample's SignalR hub at <c>/hubs/whoami</c>, for a valid access token only. Browsers cannot set a header on a
/// WebSocket, so SignalR sends the token as <c>?access_token=</c>; the scheme reads it there for <c>/hubs</c> alone
/// (<c>TokenFromQuery</c> in Program.cs).
/// </summary>
[Authorize]
internal sealed class WhoAmIHub : Hub
{
    public const string Path = "/hubs/whoami";

    /// <summary>The subject of the token the connection was opened with.</summary>
    public string WhoAmI() => Context.User?.Identity?.Name ?? "";
}
