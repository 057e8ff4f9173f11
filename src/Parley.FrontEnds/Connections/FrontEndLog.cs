using Microsoft.Extensions.Logging;

namespace Parley.FrontEnds.Connections;

/// <summary>Log messages of the front-ends. Event ids are stable: 1xx connections.</summary>
internal static partial class FrontEndLog
{
    [LoggerMessage(100, LogLevel.Debug, "Session {SessionId} opened from {Remote}")]
    public static partial void Opened(ILogger logger, long sessionId, string remote);

    [LoggerMessage(101, LogLevel.Information, "Session {SessionId} from {Remote} registered as {Nick}")]
    public static partial void Registered(ILogger logger, long sessionId, string remote, string nick);

    [LoggerMessage(102, LogLevel.Debug, "Session {SessionId} ({Nick}) closed: {Reason}")]
    public static partial void Closed(ILogger logger, long sessionId, string? nick, string reason);

    [LoggerMessage(103, LogLevel.Warning, "Disconnecting session {SessionId} ({Nick}) from {Remote}: slow consumer, outbound queue over {MaxBytes} bytes")]
    public static partial void SlowConsumer(ILogger logger, long sessionId, string? nick, string remote, long maxBytes);

    [LoggerMessage(104, LogLevel.Information, "Closing session {SessionId} from {Remote}: not registered within {Timeout}")]
    public static partial void RegistrationTimedOut(ILogger logger, long sessionId, string remote, TimeSpan timeout);

    [LoggerMessage(106, LogLevel.Information, "Closing session {SessionId} ({Nick}): no answer to PING within {Timeout}")]
    public static partial void PingTimedOut(ILogger logger, long sessionId, string? nick, TimeSpan timeout);

    [LoggerMessage(105, LogLevel.Debug, "Session {SessionId}: transport error")]
    public static partial void TransportError(ILogger logger, long sessionId, Exception exception);
}
