using Microsoft.Extensions.Logging;

namespace Parley.Storage.Postgres;

/// <summary>Log messages of the PostgreSQL store. Event ids are stable: 250-299 (docs/operations.md, "Log event ids").</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(250, LogLevel.Information, "Opened PostgreSQL store {Server} (schema version {Version})")]
    public static partial void Opened(ILogger logger, string server, int version);

    [LoggerMessage(251, LogLevel.Information, "Applied migration {Version} ({Name})")]
    public static partial void Migrated(ILogger logger, int version, string name);

    [LoggerMessage(252, LogLevel.Error, "A batch of {Count} writes failed and was rolled back")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(253, LogLevel.Information, "Closed PostgreSQL store {Server}")]
    public static partial void Closed(ILogger logger, string server);

    [LoggerMessage(254, LogLevel.Warning, "PostgreSQL failed ({Reason}); trying again in {DelayMs} ms (try {Attempt} of {Tries})")]
    public static partial void Retrying(ILogger logger, string reason, int delayMs, int attempt, int tries);

    [LoggerMessage(260, LogLevel.Information, "Node {Node} leased node number {Number}")]
    public static partial void LeaseTaken(ILogger logger, string node, int number);

    [LoggerMessage(261, LogLevel.Warning, "Node {Node} could not renew its heartbeat ({Reason}); last renewed {AgeMs} ms ago")]
    public static partial void HeartbeatFailed(ILogger logger, string node, string reason, long ageMs);

    [LoggerMessage(262, LogLevel.Warning, "Node {Dead} timed out: {Nicks} nicks freed (noticed by {Node})")]
    public static partial void NodeDied(ILogger logger, string dead, int nicks, string node);

    [LoggerMessage(263, LogLevel.Error, "Node {Node} lost its lease ({Reason}): it stops serving and closes its sessions, as the others may have freed its nicks")]
    public static partial void LeaseLost(ILogger logger, string node, string reason);

    [LoggerMessage(264, LogLevel.Warning, "The nick space's {Operation} of {Nick} failed ({Reason})")]
    public static partial void ClaimFailed(ILogger logger, string operation, string nick, string reason);

    [LoggerMessage(265, LogLevel.Warning, "Listening for nick claims failed ({Reason}); listening again and reloading the view")]
    public static partial void ListenFailed(ILogger logger, string reason);

    [LoggerMessage(266, LogLevel.Error, "Node {Node} has not reached PostgreSQL for {AgeMs} ms: serving on in the outage grace (stops at {GraceMs} ms); commands that need the store fail and no new nick is granted until it is back")]
    public static partial void OutageGrace(ILogger logger, string node, long ageMs, long graceMs);

    [LoggerMessage(267, LogLevel.Warning, "Node {Node} renewed its heartbeat after {AgeMs} ms without PostgreSQL; it counts no node dead for the next {HoldMs} ms, so the others can renew first")]
    public static partial void RenewedAfterOutage(ILogger logger, string node, long ageMs, long holdMs);
}
