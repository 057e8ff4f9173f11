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
}
