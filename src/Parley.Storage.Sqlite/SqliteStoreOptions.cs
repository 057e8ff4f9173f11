namespace Parley.Storage.Sqlite;

/// <summary>Where and how the SQLite store keeps its file (configuration section <c>Parley:Storage</c>).</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The database's file name inside <see cref="DataDirectory"/>.</summary>
    public const string FileName = "parley.db";

    /// <summary>
    /// Directory of the database file, created on first run. Defaults to <c>data</c>, relative to
    /// the working directory (<c>./data</c>). Command line: <c>--data</c>.
    /// </summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>How hard a commit waits for the disk. Defaults to <see cref="SqliteSynchronous.Full"/>.</summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>
    /// Most writes committed in one transaction. Defaults to 1,024: large enough that a burst
    /// costs one commit (one fsync) per thousand messages, small enough that one transaction stays
    /// well under a few milliseconds of work. 1 disables batching (a commit per write).
    /// </summary>
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>The largest <see cref="CommitDelay"/> accepted: 100 ms (PostgreSQL's <c>commit_delay</c> has the same cap).</summary>
    public static readonly TimeSpan MaxCommitDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long the writer waits for more messages before committing a batch of messages (group
    /// commit over a window, like PostgreSQL's <c>commit_delay</c>). Defaults to 5 ms; 0 commits at
    /// once; at most <see cref="MaxCommitDelay"/>. A batch that already holds 16
    /// writes (or <see cref="MaxBatchSize"/>) does not wait, and the wait ends early when it has as
    /// many, or when a write arrives that a command waits for
    /// (an account, a room, a readiness probe: those never wait). It delays only a message's
    /// acknowledgement (<c>OK</c>, IRC echo), never its delivery; at 1,000 messages/s it lets
    /// several share one commit (one fsync) instead of one commit each.
    /// </summary>
    public TimeSpan CommitDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The database file's full path.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is empty or out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DataDirectory, nameof(DataDirectory));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        if (CommitDelay < TimeSpan.Zero || CommitDelay > MaxCommitDelay)
            throw new ArgumentOutOfRangeException(nameof(CommitDelay), CommitDelay, "must be from 0 to 100 ms (00:00:00 to 00:00:00.1)");
        if (!Enum.IsDefined(Synchronous))
            throw new ArgumentOutOfRangeException(nameof(Synchronous), Synchronous, "must be Full or Normal");
    }
}
