using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Parley.Core.Storage;
using Parley.Storage.Sqlite.Migrations;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The database file: created on first open, migrated to the current schema, in WAL mode so
/// readers never wait for the writer. Owns the one writer connection; reads use pooled
/// connections of their own.
/// </summary>
/// <remarks>Thread-safe. Dispose commits what is queued, checkpoints, and closes every file handle.</remarks>
public sealed class SqliteDatabase : IStoreHealth, IDisposable
{
    private readonly SqliteConnection _writerConnection;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Opens (creating when missing) the database and applies pending migrations.</summary>
    /// <param name="options">Where the file is and how to commit; validated here.</param>
    /// <param name="logger">Logger for migrations and failures.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this code.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public SqliteDatabase(SqliteStoreOptions options, ILogger<SqliteDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _logger = logger;
        Options = options;
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();

        _writerConnection = new SqliteConnection(ConnectionString);
        try
        {
            _writerConnection.Open();
            Execute(_writerConnection, "PRAGMA journal_mode = WAL");
            Execute(_writerConnection, options.Synchronous == SqliteSynchronous.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            MigrationRunner.Apply(_writerConnection, logger);
            SchemaVersion = MigrationRunner.ReadVersion(_writerConnection);
            LastMessageId = QueryLastMessageId(_writerConnection);
            AccountNickKeys = QueryAccountNickKeys(_writerConnection);
        }
        catch
        {
            _writerConnection.Dispose();
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            throw;
        }

        Writer = new SqliteWriter(_writerConnection, options.MaxBatchSize, options.CommitDelay, logger);
        StorageLog.Opened(logger, options.DatabasePath, SchemaVersion, options.Synchronous);
    }

    /// <summary>The options the database was opened with.</summary>
    public SqliteStoreOptions Options { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; }

    /// <summary>Transactions the writer has committed since opening.</summary>
    public long BatchesCommitted => Writer.BatchesCommitted;

    /// <summary>Writes the writer has committed since opening.</summary>
    public long WritesCommitted => Writer.WritesCommitted;

    internal string ConnectionString { get; }

    internal long LastMessageId { get; }

    /// <summary>
    /// The nick key of every account, kept in memory so that a guest registering a nick no account
    /// has (the common case) never touches the database. Keys are added before an account's insert
    /// is queued and never removed (a deleted account's key only costs a lookup that finds
    /// nothing), so a nick that is an account is never missed.
    /// </summary>
    internal ConcurrentDictionary<string, bool> AccountNickKeys { get; }

    internal SqliteWriter Writer { get; }

    /// <summary>
    /// Completes when an empty write has gone through the writer (its transaction took the write
    /// lock and committed): the store takes writes. For readiness checks; costs one tiny transaction.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the probe stays queued and commits later).</param>
    /// <returns>A task that faults when the store cannot write or is closed.</returns>
    public Task CheckWritableAsync(CancellationToken cancellationToken = default)
    {
        var probe = new ProbeOp();
        Writer.Enqueue(probe);
        return probe.Completion.WaitAsync(cancellationToken);
    }

    /// <summary>Opens a pooled connection for reading; dispose it to return it to the pool.</summary>
    internal SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Commits the queued writes, checkpoints the WAL into the file, and closes every handle.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Writer.Dispose();
        try
        {
            // Fold the WAL into the main file so a copy of parley.db alone is complete.
            Execute(_writerConnection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException)
        {
            // A reader still busy: the WAL stays and is folded in at the next open.
        }

        _writerConnection.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        StorageLog.Closed(_logger, Options.DatabasePath);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static ConcurrentDictionary<string, bool> QueryAccountNickKeys(SqliteConnection connection)
    {
        var keys = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nick_key FROM accounts";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            keys[reader.GetString(0)] = true;
        return keys;
    }

    private static long QueryLastMessageId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM messages";
        return (long)command.ExecuteScalar()!;
    }
}
