using Microsoft.Extensions.Logging;

namespace Parley.FrontEnds.Connections;

/// <summary>Log messages of the front-ends. Event ids are stable: 100-199 (docs/operations.md, "Log event ids"). Never log a password.</summary>
internal static partial class FrontEndLog
{
    // 100-102 are per connection, so Debug: at 1,000 arrivals a second, three Information lines each
    // contended on the console logger's queue lock (500-870 contentions/s) on the registration path
    // (docs/benchmarks.md, issue 10 fix 11). The counts stay visible as metrics (parley.connections.accepted,
    // parley.connections, parley.registration.duration); `Logging:LogLevel:Parley.FrontEnds=Debug` shows the lines.
    [LoggerMessage(100, LogLevel.Debug, "Session {SessionId} connected from {Remote}")]
    public static partial void Opened(ILogger logger, long sessionId, string remote);

    [LoggerMessage(101, LogLevel.Debug, "Session {SessionId} from {Remote} registered as {Nick}")]
    public static partial void Registered(ILogger logger, long sessionId, string remote, string nick);

    [LoggerMessage(102, LogLevel.Debug, "Session {SessionId} ({Nick}) disconnected: {Reason}")]
    public static partial void Closed(ILogger logger, long sessionId, string? nick, string reason);

    [LoggerMessage(103, LogLevel.Warning, "Disconnecting session {SessionId} ({Nick}) from {Remote}: slow consumer, outbound queue over {MaxBytes} bytes")]
    public static partial void SlowConsumer(ILogger logger, long sessionId, string? nick, string remote, long maxBytes);

    [LoggerMessage(104, LogLevel.Information, "Closing session {SessionId} from {Remote}: not registered within {Timeout}")]
    public static partial void RegistrationTimedOut(ILogger logger, long sessionId, string remote, TimeSpan timeout);

    [LoggerMessage(112, LogLevel.Information, "Closing session {SessionId} ({Nick}): no answer to PING within {Timeout}")]
    public static partial void PingTimedOut(ILogger logger, long sessionId, string? nick, TimeSpan timeout);

    [LoggerMessage(115, LogLevel.Information, "Closing session {SessionId} ({Nick}): nothing received within {Timeout}")]
    public static partial void IdleTimedOut(ILogger logger, long sessionId, string? nick, TimeSpan timeout);

    [LoggerMessage(105, LogLevel.Debug, "Session {SessionId}: transport error")]
    public static partial void TransportError(ILogger logger, long sessionId, Exception exception);

    [LoggerMessage(106, LogLevel.Warning, "Disconnecting session {SessionId} ({Nick}) from {Remote}: flooding, {Refusals} commands refused within {Window}")]
    public static partial void Flooding(ILogger logger, long sessionId, string? nick, string remote, int refusals, TimeSpan window);

    [LoggerMessage(107, LogLevel.Information, "{Nick} killed by server operator {Operator}: {Reason}")]
    public static partial void Killed(ILogger logger, string nick, string @operator, string? reason);

    [LoggerMessage(108, LogLevel.Information, "Server operator {Operator} banned address {Mask}: {Disconnected} connections closed")]
    public static partial void AddressBanned(ILogger logger, string @operator, string mask, int disconnected);

    [LoggerMessage(109, LogLevel.Information, "Session {SessionId} from {Remote} logged in as {Nick}")]
    public static partial void LoggedIn(ILogger logger, long sessionId, string remote, string? nick);

    [LoggerMessage(110, LogLevel.Warning, "Session {SessionId} from {Remote}: failed login as {Nick} ({Error})")]
    public static partial void LoginFailed(ILogger logger, long sessionId, string remote, string nick, string error);

    [LoggerMessage(111, LogLevel.Information, "Session {SessionId} from {Remote} registered the account {Nick}")]
    public static partial void AccountCreated(ILogger logger, long sessionId, string remote, string? nick);

    [LoggerMessage(120, LogLevel.Information, "Session {SessionId} from {Remote} logged in as {Nick} with client certificate {Fingerprint}")]
    public static partial void LoggedInWithCertificate(ILogger logger, long sessionId, string remote, string? nick, string? fingerprint);

    [LoggerMessage(160, LogLevel.Information, "Session {SessionId} from {Remote} logged in as {Nick} with its web session (SASL EXTERNAL)")]
    public static partial void LoggedInWithWebSession(ILogger logger, long sessionId, string remote, string? nick);

    [LoggerMessage(113, LogLevel.Information, "Session {SessionId} ({Nick}) registered client certificate {Fingerprint}")]
    public static partial void CertificateAdded(ILogger logger, long sessionId, string? nick, string? fingerprint);

    [LoggerMessage(114, LogLevel.Information, "Session {SessionId} ({Nick}) removed client certificate {Fingerprint}")]
    public static partial void CertificateRemoved(ILogger logger, long sessionId, string? nick, string? fingerprint);

    [LoggerMessage(121, LogLevel.Information, "Session {SessionId} ({Nick}) created room {Room}")]
    public static partial void RoomCreated(ILogger logger, long sessionId, string? nick, string room);
    [LoggerMessage(150, LogLevel.Information, "Session {SessionId}: account {Account} dropped by {By}")]
    public static partial void AccountDropped(ILogger logger, long sessionId, string account, string by);

    [LoggerMessage(151, LogLevel.Information, "Session {SessionId}: password of account {Account} set by server operator {By}")]
    public static partial void PasswordReset(ILogger logger, long sessionId, string account, string by);

    // Moderation and operator actions: who did what to whom; reasons and messages are not logged.
    [LoggerMessage(122, LogLevel.Information, "{Nick} kicked from {Room} by {By}")]
    public static partial void Kicked(ILogger logger, string nick, string room, string by);

    [LoggerMessage(123, LogLevel.Information, "{By} {Change} {Mask} on the {List} list of {Room}")]
    public static partial void RoomListChanged(ILogger logger, string by, string change, string mask, string list, string room);

    [LoggerMessage(124, LogLevel.Information, "Session {SessionId} ({Nick}) became a server operator with OPER as {Account}")]
    public static partial void OperatorUp(ILogger logger, long sessionId, string? nick, string account);

    [LoggerMessage(125, LogLevel.Information, "Server operator {Operator} lifted the server ban {Mask}")]
    public static partial void AddressUnbanned(ILogger logger, string @operator, string mask);
}
