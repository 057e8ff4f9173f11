using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// The one writer of the database: a dedicated thread that takes every write queued since its
/// last commit (up to <see cref="SqliteStoreOptions.MaxBatchSize"/>), runs them in one
/// transaction and commits once (group commit). A write's <see cref="WriteOp.Completion"/>
/// completes when the transaction holding it commits, so a caller waits for its own batch only.
/// </summary>
/// <remarks>
/// <para>Thread-safe for any number of producers. Writes are applied in the order they were
/// queued, and batches commit in order, so once a write completes every earlier one has too.</para>
/// <para>While one batch commits (an fsync with <see cref="SqliteSynchronous.Full"/>) the next
/// accumulates: the busier the server, the larger the batches and the fewer commits per write.</para>
/// </remarks>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly WriterStatements _statements;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Channel<WriteOp> _queue = Channel.CreateUnbounded<WriteOp>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Lock _enqueueLock = new();
    private readonly Thread _thread;
    private Task _lastQueued = Task.CompletedTask;
    private long _batches;
    private long _writes;

    public SqliteWriter(SqliteConnection connection, int maxBatchSize, ILogger logger)
    {
        _connection = connection;
        _statements = new WriterStatements(connection);
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "Parley SQLite writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far.</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    /// <summary>Writes committed so far.</summary>
    public long WritesCommitted => Interlocked.Read(ref _writes);

    /// <summary>Queues a write; never blocks. After <see cref="Dispose"/> the write fails at once.</summary>
    public void Enqueue(WriteOp op)
    {
        lock (_enqueueLock)
        {
            if (_queue.Writer.TryWrite(op))
            {
                StoreMetrics.Queued();
                _lastQueued = op.Completion;
                return;
            }
        }

        op.Fail(new ObjectDisposedException(nameof(SqliteWriter), "The database is closed."));
    }

    /// <summary>Completes when every write queued before the call has committed or failed.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Task last;
        lock (_enqueueLock)
            last = _lastQueued;
        return last.ContinueWith(static _ => { }, cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Stops accepting writes, commits what is queued, and stops the thread.</summary>
    public void Dispose()
    {
        lock (_enqueueLock)
            _queue.Writer.TryComplete();
        _thread.Join();
        _statements.Dispose();
    }

    private void Run()
    {
        var reader = _queue.Reader;
        var batch = new List<WriteOp>(Math.Min(_maxBatchSize, 4096));
        while (WaitToRead(reader))
        {
            while (batch.Count < _maxBatchSize && reader.TryRead(out var op))
                batch.Add(op);
            Commit(batch);
            batch.Clear();
        }
    }

    // The writer thread is dedicated, so blocking it while idle costs nothing.
    private static bool WaitToRead(ChannelReader<WriteOp> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Commit(List<WriteOp> batch)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            // BEGIN IMMEDIATE: take the write lock now, not at the first write.
            using var transaction = _connection.BeginTransaction(deferred: false);
            _statements.Begin(transaction);
            foreach (var op in batch)
                op.Execute(_statements);
            transaction.Commit();
        }
#pragma warning disable CA1031 // Any failure rolls the batch back and fails its writes; the writer must live on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            StorageLog.BatchFailed(_logger, batch.Count, e);
            StoreMetrics.Finished(batch.Count, start, committed: false);
            foreach (var op in batch)
                op.Fail(e);
            return;
        }

        StoreMetrics.Finished(batch.Count, start, committed: true);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writes, batch.Count);
        foreach (var op in batch)
            op.Complete();
    }
}
