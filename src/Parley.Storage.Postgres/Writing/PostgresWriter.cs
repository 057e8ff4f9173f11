using Microsoft.Extensions.Logging;
using Npgsql;

namespace Parley.Storage.Postgres.Writing;

/// <summary>
/// The process's one writer to PostgreSQL: a dedicated thread that takes every write queued since
/// its last commit (up to <see cref="PostgresStoreOptions.MaxBatchSize"/>), runs them in one
/// transaction on its own connection and commits once (group commit). A write's
/// <see cref="WriteOp.Completion"/> completes only after <c>COMMIT</c> returned.
/// </summary>
/// <remarks>
/// <para>Thread-safe for any number of producers. Writes are applied in the order they were
/// queued and batches commit in order, so once a write completes every earlier one has too.</para>
/// <para>A batch that fails transiently (the server restarting, a broken connection) is run
/// again from the start on a new connection, up to <see cref="PostgresStoreOptions.MaxRetries"/>
/// times; the inserts of pre-assigned ids do nothing when a lost commit answer had in fact
/// committed them. Then its writes fail (callers answer <c>STORAGE_FAILED</c>) and the next batch
/// tries again: the writer lives on and works as soon as the server is back.</para>
/// </remarks>
internal sealed class PostgresWriter : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private readonly string _server;
    private readonly ILogger _logger;
    private readonly Lock _queueLock = new();
    private readonly Queue<WriteOp> _queue = new();
    private readonly ManualResetEventSlim _wake = new(false, 0);
    private readonly Thread _thread;
    private bool _sleeping;
    private bool _closed;
    private Task _lastQueued = Task.CompletedTask;
    private NpgsqlConnection? _connection;
    private long _batches;
    private long _writes;

    public PostgresWriter(NpgsqlDataSource dataSource, PostgresStoreOptions options, ILogger logger)
    {
        _dataSource = dataSource;
        _options = options;
        _server = options.Describe();
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "Parley PostgreSQL writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far.</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    /// <summary>Writes committed so far.</summary>
    public long WritesCommitted => Interlocked.Read(ref _writes);

    /// <summary>Queues a write; never blocks. After <see cref="Dispose"/> the write fails at once.</summary>
    public void Enqueue(WriteOp op)
    {
        lock (_queueLock)
        {
            if (!_closed)
            {
                _queue.Enqueue(op);
                _lastQueued = op.Completion;
                if (_sleeping)
                {
                    _sleeping = false;
                    _wake.Set();
                }

                return;
            }
        }

        WriteCompletions.Fail(op, new ObjectDisposedException(nameof(PostgresWriter), "The PostgreSQL store is closed."));
    }

    /// <summary>Completes when every write queued before the call has committed or failed.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Task last;
        lock (_queueLock)
            last = _lastQueued;
        return last.ContinueWith(static _ => { }, cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Stops accepting writes, commits what is queued, and stops the thread.</summary>
    public void Dispose()
    {
        lock (_queueLock)
        {
            _closed = true;
            _sleeping = false;
            _wake.Set();
        }

        _thread.Join();
        _connection?.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteOp>(Math.Min(_options.MaxBatchSize, 4096));
        while (TakeBatch(batch))
        {
            Commit(batch);
            batch.Clear();
        }
    }

    private bool TakeBatch(List<WriteOp> batch)
    {
        while (true)
        {
            lock (_queueLock)
            {
                if (_queue.Count > 0)
                {
                    while (batch.Count < _options.MaxBatchSize && _queue.TryDequeue(out var op))
                        batch.Add(op);
                    return true;
                }

                if (_closed)
                    return false;
                _sleeping = true;
                _wake.Reset();
            }

            _wake.Wait();
        }
    }

    private void Commit(List<WriteOp> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _connection ??= _dataSource.OpenConnection();
                using (var transaction = _connection.BeginTransaction())
                {
                    var context = new WriteContext(_connection, transaction);
                    foreach (var op in batch)
                        op.Execute(context);
                    context.Flush();
                    transaction.Commit();
                }

                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _writes, batch.Count);
                WriteCompletions.CompleteAll(batch);
                return;
            }
#pragma warning disable CA1031 // Any failure rolls the batch back and fails its writes; the writer must live on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var transient = PostgresFailures.IsTransient(e);
                if (transient || _connection is { State: not System.Data.ConnectionState.Open })
                {
                    // The connection may be the broken part: the next try (or batch) opens a new one,
                    // and the pool forgets the others a restart broke.
                    _connection?.Dispose();
                    _connection = null;
                    _dataSource.Clear();
                }

                if (transient && attempt <= _options.MaxRetries && !IsClosed())
                {
                    var delay = PostgresFailures.Delay(attempt);
                    PostgresLog.Retrying(_logger, PostgresFailures.FirstLine(e.Message), (int)delay.TotalMilliseconds, attempt + 1, _options.MaxRetries + 1);
                    Thread.Sleep(delay);
                    continue;
                }

                PostgresLog.BatchFailed(_logger, batch.Count, e);
                WriteCompletions.FailAll(batch, transient ? PostgresFailures.Unavailable(_server, e) : e);
                return;
            }
        }
    }

    private bool IsClosed()
    {
        lock (_queueLock)
            return _closed;
    }
}
