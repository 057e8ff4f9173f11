using Microsoft.Extensions.Logging;

namespace Parley.Server.Web;

/// <summary>The sign-in API's log events (ids 600-649, docs/operations.md "Log event ids"). Passwords and tokens are never logged.</summary>
internal static partial class WebSessionLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Web sign-in: {Account} from {Remote}, session until {ExpiresUtc:u}")]
    public static partial void SignedIn(ILogger logger, string account, string remote, DateTimeOffset expiresUtc);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Web sign-in refused: {Account} from {Remote}: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string account, string remote, string reason);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "Web account created: {Account} from {Remote}")]
    public static partial void AccountCreated(ILogger logger, string account, string remote);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "Web session revoked (sign-out) from {Remote}")]
    public static partial void SignedOut(ILogger logger, string remote);
}
