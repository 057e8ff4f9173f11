using Microsoft.Extensions.Logging;
using Npgsql;
using Parley.Core.Storage;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>
/// The PostgreSQL database: the connection pool (<see cref="NpgsqlDataSource"/>), migrated to the
/// current schema at open, the one writer, and the reads' retry of transient failures.
/// </summary>
/// <remarks>Thread-safe. Dispose commits what is queued and closes every connection.</remarks>
public sealed class PostgresDatabase : IStoreHealth, IDisposable
{
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Connects, applies pending migrations (under an advisory lock) and starts the writer.</summary>
    /// <param name="options">Where to connect; validated here.</param>
    /// <param name="logger">Logger for migrations, retries and failures.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="StoreUnavailableException">PostgreSQL cannot be reached or refuses the connection.</exception>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this code.</exception>
    public PostgresDatabase(PostgresStoreOptions options, ILogger<PostgresDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _logger = logger;
        Server = options.Describe();
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        // Statements run thousands of times: let Npgsql prepare them once per connection.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        builder.ConnectionStringBuilder.ApplicationName ??= "parley-server";
        DataSource = builder.Build();
        try
        {
            using var connection = DataSource.OpenConnection();
            PostgresMigrations.Apply(connection, logger);
            SchemaVersion = PostgresMigrations.ReadVersion(connection);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            DataSource.Dispose();
            throw new StoreUnavailableException($"cannot open the PostgreSQL store at {Server}: {PostgresFailures.FirstLine(e.Message)}", e);
        }
        catch
        {
            DataSource.Dispose();
            throw;
        }

        MessageIds = new PostgresMessageIds(this);
        Writer = new PostgresWriter(DataSource, options, logger);
        PostgresLog.Opened(logger, Server, SchemaVersion);
    }

    /// <summary>The options the database was opened with.</summary>
    public PostgresStoreOptions Options { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; }

    /// <summary>Where the store is (<c>host:port/database</c>; no password).</summary>
    public string Server { get; }

    /// <summary>Transactions the writer has committed since opening.</summary>
    public long BatchesCommitted => Writer.BatchesCommitted;

    /// <summary>Writes the writer has committed since opening.</summary>
    public long WritesCommitted => Writer.WritesCommitted;

    internal NpgsqlDataSource DataSource { get; }

    internal PostgresWriter Writer { get; }

    internal PostgresMessageIds MessageIds { get; }

    /// <summary>
    /// Completes when a probe has gone through the writer and PostgreSQL answered that the session
    /// may write (not a read-only standby). For readiness checks; costs one round trip.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the probe stays queued).</param>
    /// <returns>A task that faults when the store cannot write or is closed.</returns>
    public Task CheckWritableAsync(CancellationToken cancellationToken = default)
    {
        var probe = new DelegateWriteOp<bool>(static context =>
            context.Scalar("SELECT current_setting('transaction_read_only')") as string == "off"
                ? true
                : throw new InvalidOperationException("PostgreSQL takes no writes here (transaction_read_only is on: a standby?)"));
        Writer.Enqueue(probe);
        return probe.Completion.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a read on a pooled connection, trying again after a transient failure (the pool
    /// reconnects), up to <see cref="PostgresStoreOptions.MaxRetries"/> times.
    /// </summary>
    /// <exception cref="StoreUnavailableException">PostgreSQL failed every try, or refused.</exception>
    internal async ValueTask<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
                return await read(connection, cancellationToken);
            }
            catch (Exception e) when (PostgresFailures.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                DataSource.Clear();
                if (attempt > Options.MaxRetries)
                    throw PostgresFailures.Unavailable(Server, e);
                var delay = PostgresFailures.Delay(attempt);
                PostgresLog.Retrying(_logger, PostgresFailures.FirstLine(e.Message), (int)delay.TotalMilliseconds, attempt + 1, Options.MaxRetries + 1);
                await Task.Delay(delay, cancellationToken);
            }
            catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw PostgresFailures.Unavailable(Server, e);
            }
        }
    }

    /// <summary>Runs a read at start-up (on the calling thread), with the same retries.</summary>
    internal T Read<T>(Func<NpgsqlConnection, T> read) =>
        ReadAsync((connection, _) => Task.FromResult(read(connection)), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Commits what is queued, then closes every connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Writer.Dispose();
        DataSource.Dispose();
        PostgresLog.Closed(_logger, Server);
    }
}
