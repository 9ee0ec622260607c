using Microsoft.Extensions.Logging;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The bearer handler's log events (IDs 1-99; docs/telemetry.md). A refusal logs the error code and the name of the claim
/// or header parameter it concerns, with characters outside printable ASCII replaced, and never a value, a token or a key.
/// </summary>
internal static partial class BearerLog
{
    /// <summary>The handler's log category, whatever its payload type.</summary>
    public const string Category = "TypedJwt.AspNetCore.TypedJwtBearerHandler";

    public static void Refused(ILogger logger, string scheme, JwtError error)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            TokenRefused(logger, scheme, ErrorCodeNames.Of(error.Code), error.Name is null ? "-" : BearerChallenge.Sanitize(error.Name));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Scheme {Scheme}: the bearer token was refused: {ErrorCode} ({Claim}).", SkipEnabledCheck = true)]
    private static partial void TokenRefused(ILogger logger, string scheme, string errorCode, string claim);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Scheme {Scheme}: the application refused the token in TokenValidated.")]
    public static partial void RejectedByApplication(ILogger logger, string scheme);
}
