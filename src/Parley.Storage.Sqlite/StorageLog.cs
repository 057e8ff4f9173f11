using Microsoft.Extensions.Logging;

namespace Parley.Storage.Sqlite;

/// <summary>Log messages of the SQLite store. Event ids are stable: 200-249 (docs/operations.md, "Log event ids"); they were 300-303, which TLS uses too, until issue 13.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(200, LogLevel.Information, "Opened database {Path} (schema version {Version}, synchronous {Synchronous})")]
    public static partial void Opened(ILogger logger, string path, int version, SqliteSynchronous synchronous);

    [LoggerMessage(201, LogLevel.Information, "Applied migration {Version} ({Name})")]
    public static partial void Migrated(ILogger logger, int version, string name);

    [LoggerMessage(202, LogLevel.Error, "A batch of {Count} writes failed and was rolled back")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(203, LogLevel.Information, "Closed database {Path}")]
    public static partial void Closed(ILogger logger, string path);
}
