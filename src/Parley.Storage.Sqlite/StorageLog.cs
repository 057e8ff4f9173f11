using Microsoft.Extensions.Logging;

namespace Parley.Storage.Sqlite;

/// <summary>Log messages of the SQLite store. Event ids are stable: 3xx.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(300, LogLevel.Information, "Opened database {Path} (schema version {Version}, synchronous {Synchronous})")]
    public static partial void Opened(ILogger logger, string path, int version, SqliteSynchronous synchronous);

    [LoggerMessage(301, LogLevel.Information, "Applied migration {Version} ({Name})")]
    public static partial void Migrated(ILogger logger, int version, string name);

    [LoggerMessage(302, LogLevel.Error, "A batch of {Count} writes failed and was rolled back")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(303, LogLevel.Information, "Closed database {Path}")]
    public static partial void Closed(ILogger logger, string path);
}
