namespace Parley.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the writer, in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// Every commit waits for the WAL to reach the disk (fsync): a confirmed message survives a
    /// crash of the process, of the operating system, and a power cut. The default.
    /// </summary>
    Full,

    /// <summary>
    /// A commit hands the WAL to the operating system without fsync: a confirmed message survives a
    /// crash of the process (kill -9), but the last commits may be lost on an OS crash or power cut.
    /// </summary>
    Normal,
}
